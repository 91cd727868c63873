/**
 * The account screen's words in English (password change, two-factor authentication,
 * re-authentication) and the log-in screen's second-factor step; spread into en.ts.
 * account-fa.ts has the same keys.
 */
export const accountEn = {
  "header.account": "Your account",

  // Log-in, when the account uses two-factor authentication
  "login.secondFactorNeeded":
    "Enter the six-digit code from your authenticator app, or one of your recovery codes.",
  "login.secondFactorFailed":
    "That code is not correct or was already used. Enter the newest code from your app.",
  // One field takes either kind of code; the server tells them apart.
  "account.code": "Code from your authenticator app, or a recovery code",

  "account.title": "Your account",

  "account.password.heading": "Change password",
  "account.password.intro":
    "Choose a long passphrase you use nowhere else. Changing it signs you out in every other browser and on every other device.",
  "account.password.current": "Current password",
  "account.password.new": "New password",
  "account.password.newHint":
    "At least 12 characters. Common passwords, and passwords that contain your email address, are refused.",
  "account.password.repeat": "Repeat the new password",
  "account.password.mismatch": "The two new passwords are not the same.",
  "account.password.submit": "Change password",
  "account.password.changed": "Your password was changed. Sessions signed out elsewhere: {count}.",

  "account.2fa.heading": "Two-factor authentication",
  "account.2fa.intro":
    "With two-factor authentication, signing in needs a code from an authenticator app on your phone as well as your password.",
  "account.2fa.loading": "Loading your two-factor settings…",
  "account.2fa.off": "Two-factor authentication is off.",
  "account.2fa.on": "Two-factor authentication is on. Recovery codes left: {count}.",
  "account.2fa.required":
    "Your role requires two-factor authentication. Set it up to continue working in the newsroom.",
  "account.2fa.start": "Set up two-factor authentication",
  "account.2fa.scan":
    "Scan this QR code with your authenticator app (for example FreeOTP, Aegis or Google Authenticator).",
  "account.2fa.qrAlt": "QR code for setting up two-factor authentication",
  "account.2fa.manual": "If you cannot scan it, enter this key in the app:",
  "account.2fa.code": "Code from your authenticator app",
  "account.2fa.confirm": "Turn on two-factor authentication",
  "account.2fa.enabled": "Two-factor authentication is now on.",
  "account.2fa.recoveryHeading": "Your recovery codes",
  "account.2fa.recoveryIntro":
    "Each code signs you in once if you lose your phone. Keep them somewhere safe, away from your phone: they will not be shown again.",
  "account.2fa.recoveryDone": "I have saved my recovery codes",
  "account.2fa.regenerate": "Create new recovery codes",
  "account.2fa.regenerateNote": "Your old recovery codes stop working.",
  "account.2fa.disable": "Turn off two-factor authentication",
  "account.2fa.disableTitle": "Turn off two-factor authentication?",
  "account.2fa.disableBody":
    "Signing in will need only your password, and your recovery codes stop working.",
  "account.2fa.disabled": "Two-factor authentication is now off.",

  "account.reauth.heading": "Confirm that it is you",
  "account.reauth.intro":
    "For this change, enter your password again, and a code if you use two-factor authentication.",
  "account.reauth.submit": "Confirm",
};

export type AccountMessageKey = keyof typeof accountEn;
