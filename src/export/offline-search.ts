import type { ServiceConfig } from "../domain/services/service-registry.js";
import { relativeLink } from "./export-paths.js";

/**
 * The export's search page works without a server: the app's own search page (so it looks
 * and reads like the site, in the edition's language), a prebuilt index of every exported
 * story (`search/search-index.js`, loaded by a `<script>` so it also works from `file://`,
 * where `fetch` of a local JSON file is refused), and a small script that filters it for
 * the `q` the search form sends. Without JavaScript a notice says search needs it.
 */
export interface SearchEntry {
  /** The story's file, relative to the export root. */
  readonly file: string;
  readonly title: string;
  readonly summary: string;
}

/**
 * "Search needs JavaScript" in the newsroom's eight languages; other editions show English
 * until their reader catalogues carry the sentence.
 */
const noScriptNotice: Record<string, string> = {
  en: "Searching this offline copy needs JavaScript. Browse the sections instead, or turn JavaScript on.",
  fa: "جست‌وجو در این نسخهٔ آفلاین به جاوااسکریپت نیاز دارد. به‌جای آن بخش‌ها را مرور کنید یا جاوااسکریپت را روشن کنید.",
  ar: "يتطلب البحث في هذه النسخة غير المتصلة جافاسكريبت. تصفّح الأقسام بدلاً من ذلك أو فعّل جافاسكريبت.",
  es: "Para buscar en esta copia sin conexión se necesita JavaScript. Recorra las secciones o active JavaScript.",
  fr: "La recherche dans cette copie hors ligne nécessite JavaScript. Parcourez les rubriques ou activez JavaScript.",
  ru: "Для поиска в этой офлайн-копии нужен JavaScript. Просматривайте разделы или включите JavaScript.",
  uk: "Для пошуку в цій офлайн-копії потрібен JavaScript. Переглядайте розділи або увімкніть JavaScript.",
  "zh-Hans": "在此离线副本中搜索需要 JavaScript。请浏览各栏目，或启用 JavaScript。",
};

/** The filtering script: plain ES5, DOM APIs only, text set with textContent (no HTML). */
const searchScript = `(function(){
var d=document,list=window.newsdeskSearchIndex||[],box=d.getElementById("offline-results");
var q=(new URLSearchParams(location.search).get("q")||"").trim();
var field=d.querySelector("form.search input[name=q]");if(field)field.value=q;
if(!q||!box)return;
var words=q.toLocaleLowerCase().normalize("NFC").split(/\\s+/).filter(Boolean).slice(0,12);
var hits=list.filter(function(e){var t=(e.t+" "+e.s).toLocaleLowerCase().normalize("NFC");
return words.every(function(w){return t.indexOf(w)>=0;});}).slice(0,200);
var h=d.querySelector("main h1")||d.querySelector("h1");
if(h)h.textContent=box.getAttribute("data-heading").split("\\u0000").join(q);
var prompt=d.getElementById("offline-prompt");if(prompt)prompt.hidden=true;
box.hidden=false;
if(hits.length===0){var p=d.createElement("p");p.className="notice";p.textContent=box.getAttribute("data-none");box.appendChild(p);return;}
var ol=d.createElement("ol");ol.className="results";
hits.forEach(function(e){var li=d.createElement("li"),h2=d.createElement("h2"),a=d.createElement("a");
a.href=e.f;a.textContent=e.t;h2.appendChild(a);li.appendChild(h2);
if(e.s){var p=d.createElement("p");p.textContent=e.s;li.appendChild(p);}ol.appendChild(li);});
box.appendChild(ol);})();
`;

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/**
 * The search page's files. `promptPage` is the app's search page without a query (already
 * rewritten for the export); `noneText` and `headingTemplate` come from the app's page for
 * a query without results, so they are the edition's own words (`\0` marks the query).
 */
export function offlineSearchFiles(
  promptPage: string,
  entries: readonly SearchEntry[],
  edition: ServiceConfig,
  words: { noneText: string; headingTemplate: string },
): [string, string][] {
  const searchFile = "search/index.html";
  const index = entries.map((entry) => ({
    f: relativeLink(searchFile, entry.file),
    t: entry.title,
    s: entry.summary,
  }));
  const notice =
    noScriptNotice[edition.locale] ?? noScriptNotice[edition.sourceLocale] ?? noScriptNotice.en;
  const injected =
    `<noscript><p class="notice">${escapeAttribute(notice ?? "")}</p></noscript>` +
    `<div id="offline-results" hidden data-none="${escapeAttribute(words.noneText)}" data-heading="${escapeAttribute(words.headingTemplate)}"></div>` +
    '<script src="search-index.js"></script><script src="search.js"></script>';
  const page = promptPage
    .replace(/<p class="notice">/, '<p class="notice" id="offline-prompt">')
    .replace(/<\/h1>/, `</h1>${injected}`);
  // `<` escaped so a headline can never close the script element.
  const indexScript = `window.newsdeskSearchIndex=${JSON.stringify(index).replace(/</g, "\\u003c")};\n`;
  return [
    [searchFile, page],
    ["search/search-index.js", indexScript],
    ["search/search.js", searchScript],
  ];
}
