import hlsPackage from "hls.js/package.json" with { type: "json" };

/**
 * Where readers fetch hls.js (the light build: no EME, subtitles or alternate audio, which
 * our clips do not use; captions are `<track>` elements). Served from our own origin by
 * src/http/player-routes.ts; the version is in the path, so the file is cached as immutable
 * and an upgrade changes the address.
 */
export const hlsScriptPath = `/_/hls/${hlsPackage.version}/hls.light.min.js`;

/**
 * Progressive enhancement for a video's HLS (issue 17), under 600 bytes and on video pages
 * only. Without JavaScript the `<video>` plays what it can: HLS natively (Safari, and
 * Chromium since it grew its own HLS demuxer), else the progressive MP4 `<source>` after it.
 * With JavaScript, where the browser has no native HLS but has Media Source Extensions, the
 * reader's press on play loads hls.js from our origin (nothing before the press) and plays
 * the adaptive stream instead; if it cannot load or run, playback resumes on the MP4.
 *
 * Under a path prefix (a mirror), `data-base` on <html> names it (src/http/reach.ts).
 */
export const videoScript = `(function(){var d=document,s=d.querySelector('video source[type$="mpegurl"]'),v=s&&s.parentNode;if(!v||v.canPlayType(s.type)||!window.MediaSource)return;v.addEventListener("play",function(){v.pause();var e=d.createElement("script");e.src=(d.documentElement.getAttribute("data-base")||"")+"${hlsScriptPath}";e.onerror=function(){v.play()};e.onload=function(){if(!Hls.isSupported())return v.play();var h=new Hls();h.on(Hls.Events.MANIFEST_PARSED,function(){v.play()});h.loadSource(s.src);h.attachMedia(v)};d.head.appendChild(e)},{once:true})})();`;
