/** A labelled text input or textarea, direction taken from what is typed (dir="auto"). */
export function TextField(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly multiline?: boolean;
  readonly required?: boolean;
  readonly lang?: string;
  readonly dir?: "ltr" | "rtl" | "auto";
  readonly maxLength?: number;
  readonly help?: string;
  /** Runs before the browser inserts typed text (smart quotes). */
  readonly onBeforeInput?: (event: InputEvent) => void;
}) {
  const common = {
    id: props.id,
    value: props.value,
    required: props.required,
    lang: props.lang,
    dir: props.dir ?? "auto",
    maxLength: props.maxLength,
    "aria-describedby": props.help ? `${props.id}-help` : undefined,
    onBeforeInput: props.onBeforeInput,
  };
  return (
    <div class="nr-field">
      <label for={props.id}>{props.label}</label>
      {props.multiline ? (
        <textarea
          {...common}
          rows={3}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      ) : (
        <input {...common} onInput={(event) => props.onInput(event.currentTarget.value)} />
      )}
      {props.help ? (
        <p id={`${props.id}-help`} class="nr-help">
          {props.help}
        </p>
      ) : null}
    </div>
  );
}
