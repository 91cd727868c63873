import type { TranslationMessageKey } from "./translation-en.js";

/** The translator view and the translator byline role in Simplified Chinese; spread into zh-hans.ts. */
export const translationZhHans: Readonly<Record<TranslationMessageKey, string>> = {
  "bylines.role.translator": "译者",
  "translatorView.open": "与原文对照",
  "translatorView.title": "对照翻译：{headline}",
  "translatorView.loadingTitle": "对照翻译",
  "translatorView.loading": "正在加载原文和译文…",
  "translatorView.loadFailed": "无法加载原文和译文：{error}",
  "translatorView.intro":
    "原文为只读。原文各段按顺序显示在译文各段旁边；自译文上次更新以来原文有改动的段落会显示改动内容。",
  "translatorView.edit": "编辑译文",
  "translatorView.sourceColumn": "原文（{service}）",
  "translatorView.translationColumn": "译文（{service}）",
  "translatorView.fieldsHeading": "标题、导语和电头",
  "translatorView.bodyHeading": "正文，逐段对照",
  "translatorView.field.headline": "标题",
  "translatorView.field.standfirst": "导语",
  "translatorView.field.dateline": "电头",
  "translatorView.block": "第 {number} 段",
  "translatorView.empty": "（空）",
  "translatorView.notTranslated": "尚未翻译。",
  "translatorView.change.changed": "原文已修改",
  "translatorView.change.added": "原文新增",
  "translatorView.change.removed": "原文已删除",
  "translatorView.status.current": "译文与原文一致。",
  "translatorView.status.waived": "已豁免原文的最新改动：{reason}",
  "translatorView.status.stale": "自本译文上次更新以来原文已有改动：{count} 段待审阅。",
  "translatorView.tooLarge": "原文过长，无法逐段比较；各段按顺序显示，不标出改动。",
  "translatorView.markUpToDate": "将译文标记为最新",
  "translatorView.markedUpToDate": "译文已标记为最新。",
};
