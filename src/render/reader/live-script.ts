/**
 * Progressive enhancement for the breaking-news bar (under 1 KB): listens to the edition's
 * Server-Sent Events stream (named by the page's `<html lang>`, so Serbian Latin pages get
 * Latin text) and shows, changes or removes the bar without a reload. Without
 * JavaScript the bar simply appears on the next page load. Story text is only ever set via
 * textContent; the one innerHTML is a constant. Under a path prefix (a mirror or proxy serving
 * the site at /prefix/), `data-base` on <html> names it (src/http/reach.ts).
 */
export const liveScript = `(function(){var d=document,h=d.documentElement,s=h.lang;if(!s||!window.EventSource)return;var t,es=new EventSource((h.getAttribute("data-base")||"")+"/_/live/"+encodeURIComponent(s));es.addEventListener("banner",function(e){var b=JSON.parse(e.data),el=d.getElementById("breaking");clearTimeout(t);if(!b.text){if(el)el.remove();return}if(!el){el=d.createElement("section");el.className="breaking";el.id="breaking";el.setAttribute("aria-labelledby","breaking-label");el.innerHTML='<div class="wrap"><strong id="breaking-label"></strong><span></span></div>';d.querySelector(".site-head").appendChild(el)}var w=el.firstChild,n=d.createElement(b.url?"a":"span");w.firstChild.textContent=b.label;if(b.url)n.href=b.url;n.textContent=b.text;w.replaceChild(n,w.childNodes[1]);var left=Date.parse(b.expiresAt)-Date.now();if(left>0&&left<2147483647)t=setTimeout(function(){el.remove()},left)})})();`;
