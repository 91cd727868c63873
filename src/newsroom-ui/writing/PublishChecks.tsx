import type { ComponentChildren } from "preact";
import type { WritingReport } from "../../domain/writing/pre-publish-checks.js";
import type { MessageKey } from "../i18n/en.js";
import { useUiText } from "../i18n/ui-language.js";
import { Message } from "../shared/Message.js";

const fieldKeys: Record<string, MessageKey> = {
  headline: "writing.field.headline",
  standfirst: "writing.field.standfirst",
  body: "writing.field.body",
  seo: "writing.field.seo",
  seoTitle: "writing.field.seoTitle",
  seoDescription: "writing.field.seoDescription",
};

/**
 * The house-style and length check list in the publishing dialog. Advice, not a gate: the
 * editor reads it and decides (the Guardian's and the BBC's style guides work the same way).
 */
export function PublishChecks(props: {
  readonly report: WritingReport;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
}) {
  const { t } = useUiText();
  const { report } = props;
  const field = (name: string) => t(fieldKeys[name] ?? "writing.field.body");
  // House-style words are in the story's language, inside a sentence of the interface's.
  const term = (text: string) => (
    <bdi lang={props.lang} dir={props.dir}>
      {text}
    </bdi>
  );
  const items: {
    key: string;
    text: string;
    parts: Record<string, ComponentChildren>;
    note: string;
  }[] = [
    ...report.lengths.map((finding) => ({
      key: `length-${finding.field}`,
      text: t(finding.verdict === "over" ? "writing.checks.over" : "writing.checks.long", {
        field: field(finding.field),
        length: finding.length,
        ideal: finding.ideal,
        max: finding.max,
      }),
      parts: {},
      note: "",
    })),
    ...report.houseStyle.map((match) => ({
      key: `style-${match.rule.avoid}-${match.field}`,
      text: t(match.rule.prefer ? "writing.checks.prefer" : "writing.checks.avoid", {
        field: field(match.field),
        count: match.count,
      }),
      parts: { avoid: term(match.rule.avoid), prefer: term(match.rule.prefer) },
      note: match.rule.note,
    })),
  ];
  return (
    <section class="nr-checks" aria-label={t("writing.checks.heading")}>
      <h3>{t("writing.checks.heading")}</h3>
      {items.length === 0 ? (
        <p>{t("writing.checks.clear")}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.key}>
              <Message text={item.text} parts={item.parts} />
              {item.note ? (
                <>
                  {" "}
                  <span class="nr-note" lang={props.lang} dir={props.dir}>
                    {item.note}
                  </span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
