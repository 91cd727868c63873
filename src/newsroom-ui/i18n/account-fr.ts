import type { AccountMessageKey } from "./account-en.js";

/** The account screen and the log-in second-factor step in French; spread into fr.ts. */
export const accountFr: Readonly<Record<AccountMessageKey, string>> = {
  "header.account": "Votre compte",

  "login.secondFactorNeeded":
    "Saisissez le code à six chiffres de votre application d’authentification, ou l’un de vos codes de secours.",
  "login.secondFactorFailed":
    "Ce code est incorrect ou a déjà servi. Saisissez le code le plus récent de votre application.",
  "account.code": "Code de votre application d’authentification, ou code de secours",

  "account.title": "Votre compte",

  "account.password.heading": "Changer de mot de passe",
  "account.password.intro":
    "Choisissez une longue phrase de passe que vous n’utilisez nulle part ailleurs. La changer vous déconnecte de tous les autres navigateurs et appareils.",
  "account.password.current": "Mot de passe actuel",
  "account.password.new": "Nouveau mot de passe",
  "account.password.newHint":
    "Au moins 12 caractères. Les mots de passe courants et ceux qui contiennent votre adresse e-mail sont refusés.",
  "account.password.repeat": "Répétez le nouveau mot de passe",
  "account.password.mismatch": "Les deux nouveaux mots de passe ne sont pas identiques.",
  "account.password.submit": "Changer de mot de passe",
  "account.password.changed":
    "Votre mot de passe a été changé. Sessions fermées ailleurs : {count}.",

  "account.2fa.heading": "Authentification à deux facteurs",
  "account.2fa.intro":
    "Avec l’authentification à deux facteurs, la connexion demande, en plus du mot de passe, un code d’une application d’authentification sur votre téléphone.",
  "account.2fa.loading": "Chargement de vos réglages d’authentification à deux facteurs…",
  "account.2fa.off": "L’authentification à deux facteurs est désactivée.",
  "account.2fa.on":
    "L’authentification à deux facteurs est activée. Codes de secours restants : {count}.",
  "account.2fa.required":
    "Votre rôle exige l’authentification à deux facteurs. Configurez-la pour continuer à travailler dans la rédaction.",
  "account.2fa.start": "Configurer l’authentification à deux facteurs",
  "account.2fa.scan":
    "Scannez ce code QR avec votre application d’authentification (par exemple FreeOTP, Aegis ou Google Authenticator).",
  "account.2fa.qrAlt": "Code QR pour configurer l’authentification à deux facteurs",
  "account.2fa.manual":
    "Si vous ne pouvez pas le scanner, saisissez cette clé dans l’application :",
  "account.2fa.code": "Code de votre application d’authentification",
  "account.2fa.confirm": "Activer l’authentification à deux facteurs",
  "account.2fa.enabled": "L’authentification à deux facteurs est maintenant activée.",
  "account.2fa.recoveryHeading": "Vos codes de secours",
  "account.2fa.recoveryIntro":
    "Chaque code permet de vous connecter une fois si vous perdez votre téléphone. Conservez-les en lieu sûr, loin de votre téléphone : ils ne seront plus affichés.",
  "account.2fa.recoveryDone": "J’ai enregistré mes codes de secours",
  "account.2fa.regenerate": "Créer de nouveaux codes de secours",
  "account.2fa.regenerateNote": "Vos anciens codes de secours cessent de fonctionner.",
  "account.2fa.disable": "Désactiver l’authentification à deux facteurs",
  "account.2fa.disableTitle": "Désactiver l’authentification à deux facteurs ?",
  "account.2fa.disableBody":
    "La connexion ne demandera plus que votre mot de passe, et vos codes de secours cessent de fonctionner.",
  "account.2fa.disabled": "L’authentification à deux facteurs est maintenant désactivée.",

  "account.reauth.heading": "Confirmez votre identité",
  "account.reauth.intro":
    "Pour cette modification, saisissez de nouveau votre mot de passe, et un code si vous utilisez l’authentification à deux facteurs.",
  "account.reauth.submit": "Confirmer",
};
