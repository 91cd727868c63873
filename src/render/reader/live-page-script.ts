import { intlLocaleFor } from "../../i18n/locale-registry.js";
import type { Translator } from "../../i18n/message-catalogue.js";

/**
 * The live page's own script (under 2 KB, measured in live-page.test.tsx), beside the shared
 * live script (live-script.ts), whose EventSource it reuses (`document.ndLive`, opened for
 * this page's posts since the page has `#posts[data-story]`). Without JavaScript the page is
 * complete: readers reload it, or follow "Older posts".
 *
 * - A new post is held, not inserted: a "N new posts" button appears inside the
 *   `aria-live="polite"` region, so screen readers hear it without focus moving and nobody's
 *   reading place jumps (WCAG 2.2 SC 2.2.1, 3.2.5, 4.1.3). Clicking inserts the held posts
 *   at the top and focuses the newest one, since the button itself goes away.
 * - An edit replaces the post in place (a newer revision only); a deletion removes it.
 * - The pinned post at the top follows its post: an edit replaces the copy, pinning another
 *   post puts that one there (a page has one pinned post), unpinning or deleting removes it.
 *   It sits above the reader's place, where browsers' scroll anchoring keeps the text read
 *   from moving (CSS Scroll Anchoring).
 * - Every event is idempotent, since the server replays recent events after a reconnect
 *   (`Last-Event-ID`) or for a page older than them (`since`).
 *
 * Post HTML comes from our own server renderer (PostArticle); the button text is set with
 * textContent. Labels per CLDR plural category, with `#` for the number, and the pinned
 * post's heading come from the region's `data-l` (see liveScriptLabels).
 */
export const livePageScript = `(function(){var d=document;d.addEventListener("DOMContentLoaded",function(){var es=d.ndLive,ol=d.getElementById("posts"),box=d.getElementById("live-notice");if(!es||!ol||!box)return;var L=JSON.parse(box.getAttribute("data-l")),pr=new Intl.PluralRules(L.tag),nf=new Intl.NumberFormat(L.tag),held=[],btn;function el(h){var t=d.createElement("template");t.innerHTML=h;return t.content.firstElementChild}function show(){var n=held.length;if(!n){box.textContent="";btn=null;return}if(!btn){btn=d.createElement("button");btn.type="button";btn.onclick=flush;box.appendChild(btn)}btn.textContent=(L[pr.select(n)]||L.other).replace("#",nf.format(n))}function flush(){var a;held.forEach(function(p){var li=d.createElement("li");a=el(p.html);li.appendChild(a);ol.insertBefore(li,ol.firstChild)});held=[];show();if(a){a.tabIndex=-1;a.focus()}}function find(id){for(var i=0;i<held.length;i++)if(held[i].id==id)return i;return-1}function pin(m){var s=d.getElementById("pinned"),p=s&&s.getAttribute("data-post")==m.id,n;if(m.pin){if(!s){s=d.createElement("section");s.className="pinned";s.id="pinned";s.setAttribute("aria-labelledby","pinned-h");s.innerHTML='<h2 id="pinned-h"></h2>';s.firstChild.textContent=L.pin;ol.parentNode.before(s)}else if(p&&+s.lastChild.getAttribute("data-rev")>=m.rev)return;n=el(m.html);n.removeAttribute("id");s.setAttribute("data-post",m.id);s.replaceChildren(s.firstChild,n)}else if(p)s.remove()}es.addEventListener("post",function(e){var m=JSON.parse(e.data),a=d.getElementById("post-"+m.id),i=find(m.id);pin(m);if(m.action=="deleted"){if(a)a.parentNode.remove();if(i>-1)held.splice(i,1);show();return}if(a){if(+a.getAttribute("data-rev")<m.rev)a.replaceWith(el(m.html));return}if(i>-1){if(held[i].rev<m.rev)held[i]=m;return}if(m.action=="published"){held.push(m);show()}})})})();`;

/**
 * The "N new posts" label for each plural category of the page's language, with `#` where
 * the number goes, the Intl locale the script formats the number in (the edition's digits)
 * and the pinned post's heading:
 * `{"tag":"fa-u-nu-arabext","pin":"…","one":"# پست تازه","other":"# پست تازه"}`.
 */
export function liveScriptLabels(t: Translator): Readonly<Record<string, string>> {
  // Computed once per locale: plural rules and number formats are costly next to a render.
  let labels = labelsByLocale.get(t.locale);
  if (!labels) {
    labels = labelsFor(t);
    labelsByLocale.set(t.locale, labels);
  }
  return labels;
}

const labelsByLocale = new Map<string, Readonly<Record<string, string>>>();

function labelsFor(t: Translator): Record<string, string> {
  const tag = intlLocaleFor(t.locale);
  const rules = new Intl.PluralRules(tag);
  const number = new Intl.NumberFormat(tag);
  const labels: Record<string, string> = { tag, pin: t.t("live.pinned") };
  for (const category of rules.resolvedOptions().pluralCategories) {
    // The smallest count in this category stands for it; its digits become `#`.
    for (let n = 0; n < 1000; n += 1) {
      if (rules.select(n) !== category) continue;
      labels[category] = t.t("live.newPosts", { count: n }).replace(number.format(n), "#");
      break;
    }
  }
  return labels;
}
