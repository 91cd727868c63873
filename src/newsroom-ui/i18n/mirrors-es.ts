import type { mirrorsEn } from "./mirrors-en.js";

/** The mirrors screen's words in Spanish; the same keys as mirrors-en.ts. */
export const mirrorsEs: Readonly<Record<keyof typeof mirrorsEn, string>> = {
  "mirrors.title": "Espejos",
  "mirrors.intro":
    "Otras direcciones que sirven las páginas de un servicio donde su dominio está bloqueado. Los lectores las encuentran en la página «¿No puede acceder?» del servicio; la dirección onion también se ofrece a quienes usan Tor Browser.",
  "mirrors.listHeading": "Espejos de {service}",
  "mirrors.loading": "Cargando los espejos…",
  "mirrors.empty": "Este servicio aún no tiene espejos.",
  "mirrors.kind": "Tipo",
  "mirrors.kind.https": "Espejo HTTPS",
  "mirrors.kind.onion": "Servicio onion",
  "mirrors.kind.static": "Espejo estático",
  "mirrors.url": "Dirección",
  "mirrors.urlHelp":
    "https://host.example/prefijo-opcional para espejos HTTPS y estáticos; http://(56 caracteres).onion para un servicio onion.",
  "mirrors.note": "Nota para los lectores",
  "mirrors.noteHelp": "Opcional; se muestra junto al enlace, por ejemplo «Solo con Tor Browser».",
  "mirrors.added": "Añadido",
  "mirrors.actions": "Acciones",
  "mirrors.addHeading": "Añadir un espejo",
  "mirrors.add": "Añadir espejo",
  "mirrors.addedStatus": "Se añadió {url}.",
  "mirrors.remove": "Quitar",
  "mirrors.removeTitle": "¿Quitar este espejo?",
  "mirrors.removeBody":
    "Los lectores dejarán de ver {url}. Las páginas ya guardadas o compartidas conservan la dirección.",
  "mirrors.removedStatus": "Se quitó {url}.",
  "audit.mirror.add": "Añadió un espejo",
  "audit.mirror.remove": "Quitó un espejo",
};
