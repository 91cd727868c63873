import type { AccountMessageKey } from "./account-en.js";

/** The account screen and the log-in second-factor step in Spanish; spread into es.ts. */
export const accountEs: Readonly<Record<AccountMessageKey, string>> = {
  "header.account": "Su cuenta",

  "login.secondFactorNeeded":
    "Introduzca el código de seis dígitos de su aplicación de autenticación o uno de sus códigos de recuperación.",
  "login.secondFactorFailed":
    "Ese código no es correcto o ya se usó. Introduzca el código más reciente de su aplicación.",
  "account.code": "Código de su aplicación de autenticación o código de recuperación",

  "account.title": "Su cuenta",

  "account.password.heading": "Cambiar la contraseña",
  "account.password.intro":
    "Elija una frase de contraseña larga que no use en ningún otro sitio. Al cambiarla se cierra su sesión en todos los demás navegadores y dispositivos.",
  "account.password.current": "Contraseña actual",
  "account.password.new": "Nueva contraseña",
  "account.password.newHint":
    "Al menos 12 caracteres. Se rechazan las contraseñas comunes y las que contienen su correo electrónico.",
  "account.password.repeat": "Repita la nueva contraseña",
  "account.password.mismatch": "Las dos contraseñas nuevas no coinciden.",
  "account.password.submit": "Cambiar la contraseña",
  "account.password.changed":
    "Se cambió su contraseña. Sesiones cerradas en otros dispositivos: {count}.",

  "account.2fa.heading": "Verificación en dos pasos",
  "account.2fa.intro":
    "Con la verificación en dos pasos, para iniciar sesión hace falta, además de la contraseña, un código de una aplicación de autenticación en su teléfono.",
  "account.2fa.loading": "Cargando la configuración de la verificación en dos pasos…",
  "account.2fa.off": "La verificación en dos pasos está desactivada.",
  "account.2fa.on":
    "La verificación en dos pasos está activada. Códigos de recuperación restantes: {count}.",
  "account.2fa.required":
    "Su rol exige la verificación en dos pasos. Actívela para seguir trabajando en la redacción.",
  "account.2fa.start": "Configurar la verificación en dos pasos",
  "account.2fa.scan":
    "Escanee este código QR con su aplicación de autenticación (por ejemplo FreeOTP, Aegis o Google Authenticator).",
  "account.2fa.qrAlt": "Código QR para configurar la verificación en dos pasos",
  "account.2fa.manual": "Si no puede escanearlo, introduzca esta clave en la aplicación:",
  "account.2fa.code": "Código de su aplicación de autenticación",
  "account.2fa.confirm": "Activar la verificación en dos pasos",
  "account.2fa.enabled": "La verificación en dos pasos ya está activada.",
  "account.2fa.recoveryHeading": "Sus códigos de recuperación",
  "account.2fa.recoveryIntro":
    "Cada código le permite iniciar sesión una vez si pierde el teléfono. Guárdelos en un lugar seguro, lejos del teléfono: no se volverán a mostrar.",
  "account.2fa.recoveryDone": "He guardado mis códigos de recuperación",
  "account.2fa.regenerate": "Crear nuevos códigos de recuperación",
  "account.2fa.regenerateNote": "Sus códigos de recuperación anteriores dejan de funcionar.",
  "account.2fa.disable": "Desactivar la verificación en dos pasos",
  "account.2fa.disableTitle": "¿Desactivar la verificación en dos pasos?",
  "account.2fa.disableBody":
    "Para iniciar sesión solo hará falta la contraseña, y sus códigos de recuperación dejan de funcionar.",
  "account.2fa.disabled": "La verificación en dos pasos ya está desactivada.",

  "account.reauth.heading": "Confirme que es usted",
  "account.reauth.intro":
    "Para este cambio, vuelva a introducir su contraseña y, si usa la verificación en dos pasos, un código.",
  "account.reauth.submit": "Confirmar",
};
