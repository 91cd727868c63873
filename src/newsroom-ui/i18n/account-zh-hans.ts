import type { AccountMessageKey } from "./account-en.js";

/** The account screen and the log-in second-factor step in Simplified Chinese; spread into zh-hans.ts. */
export const accountZhHans: Readonly<Record<AccountMessageKey, string>> = {
  "header.account": "你的账户",

  "login.secondFactorNeeded": "请输入身份验证器应用中的六位数验证码，或你的一个恢复码。",
  "login.secondFactorFailed": "该验证码不正确或已使用过。请输入应用中最新的验证码。",
  "account.code": "身份验证器应用中的验证码，或恢复码",

  "account.title": "你的账户",

  "account.password.heading": "修改密码",
  "account.password.intro":
    "请选择一个你在其他地方都没用过的长密码短语。修改后，你在其他所有浏览器和设备上都会退出登录。",
  "account.password.current": "当前密码",
  "account.password.new": "新密码",
  "account.password.newHint": "至少 12 个字符。常见密码以及包含你电子邮件地址的密码会被拒绝。",
  "account.password.repeat": "再次输入新密码",
  "account.password.mismatch": "两次输入的新密码不一致。",
  "account.password.submit": "修改密码",
  "account.password.changed": "密码已修改。在其他地方结束的会话：{count}。",

  "account.2fa.heading": "双重身份验证",
  "account.2fa.intro":
    "启用双重身份验证后，登录时除了密码，还需要手机上身份验证器应用生成的验证码。",
  "account.2fa.loading": "正在加载双重身份验证设置…",
  "account.2fa.off": "双重身份验证未启用。",
  "account.2fa.on": "双重身份验证已启用。剩余恢复码：{count}。",
  "account.2fa.required": "你的角色要求使用双重身份验证。请完成设置，以便继续在编辑部工作。",
  "account.2fa.start": "设置双重身份验证",
  "account.2fa.scan":
    "用身份验证器应用（例如 FreeOTP、Aegis 或 Google Authenticator）扫描此二维码。",
  "account.2fa.qrAlt": "用于设置双重身份验证的二维码",
  "account.2fa.manual": "如果无法扫描，请在应用中输入此密钥：",
  "account.2fa.code": "身份验证器应用中的验证码",
  "account.2fa.confirm": "启用双重身份验证",
  "account.2fa.enabled": "双重身份验证现已启用。",
  "account.2fa.recoveryHeading": "你的恢复码",
  "account.2fa.recoveryIntro":
    "如果手机丢失，每个恢复码可用于登录一次。请把它们保存在远离手机的安全地方：它们不会再次显示。",
  "account.2fa.recoveryDone": "我已保存恢复码",
  "account.2fa.regenerate": "生成新的恢复码",
  "account.2fa.regenerateNote": "旧的恢复码将失效。",
  "account.2fa.disable": "关闭双重身份验证",
  "account.2fa.disableTitle": "关闭双重身份验证？",
  "account.2fa.disableBody": "登录将只需要密码，你的恢复码也将失效。",
  "account.2fa.disabled": "双重身份验证现已关闭。",

  "account.reauth.heading": "确认是你本人",
  "account.reauth.intro":
    "进行此项修改需要再次输入密码；如果你使用双重身份验证，还需要输入验证码。",
  "account.reauth.submit": "确认",
};
