import type { mirrorsEn } from "./mirrors-en.js";

/** The mirrors screen's words in Simplified Chinese; the same keys as mirrors-en.ts. */
export const mirrorsZhHans: Readonly<Record<keyof typeof mirrorsEn, string>> = {
  "mirrors.title": "镜像站点",
  "mirrors.intro":
    "在语言服务的域名被封锁时，提供其页面的其他地址。读者可在该服务的“无法访问我们？”页面找到它们；洋葱地址也会提供给 Tor 浏览器用户。",
  "mirrors.listHeading": "{service}的镜像站点",
  "mirrors.loading": "正在加载镜像站点…",
  "mirrors.empty": "此服务尚无镜像站点。",
  "mirrors.kind": "类型",
  "mirrors.kind.https": "HTTPS 镜像",
  "mirrors.kind.onion": "洋葱服务",
  "mirrors.kind.static": "静态镜像",
  "mirrors.url": "地址",
  "mirrors.urlHelp":
    "HTTPS 和静态镜像：https://host.example/可选前缀；洋葱服务：http://（56 个字符）.onion。",
  "mirrors.note": "给读者的说明",
  "mirrors.noteHelp": "可选；显示在链接旁，例如“仅限 Tor 浏览器”。",
  "mirrors.added": "添加时间",
  "mirrors.actions": "操作",
  "mirrors.addHeading": "添加镜像站点",
  "mirrors.add": "添加镜像",
  "mirrors.addedStatus": "已添加 {url}。",
  "mirrors.remove": "移除",
  "mirrors.removeTitle": "移除此镜像站点？",
  "mirrors.removeBody": "读者将不再看到 {url}。已保存或分享的页面仍保留该地址。",
  "mirrors.removedStatus": "已移除 {url}。",
  "audit.mirror.add": "添加了镜像站点",
  "audit.mirror.remove": "移除了镜像站点",
};
