import type { CreateUserInput } from "../domain/users/user-schema.js";

/**
 * Demo newsroom accounts. The passwords are public (printed at start and in the README):
 * they exist so a first-time operator can try every role. Never seed them in production
 * (SEED_DEMO=never). They pass the same screening as any chosen password: none contains
 * the account's email local part.
 */
export const demoAccounts: (CreateUserInput & { password: string; role: string })[] = [
  {
    email: "admin@newsdesk.test",
    displayName: "Ada Admin",
    password: "demo-password-ada",
    isAdmin: true,
    grants: [],
    role: "administrator",
  },
  {
    email: "editor@newsdesk.test",
    displayName: "Elif Editor",
    password: "demo-password-elif",
    grants: [
      { serviceId: "en", role: "editor" },
      { serviceId: "fa", role: "editor" },
    ],
    role: "editor (English, Persian)",
  },
  {
    email: "reporter@newsdesk.test",
    displayName: "Rafael Reporter",
    password: "demo-password-rafael",
    grants: [{ serviceId: "en", role: "reporter" }],
    role: "reporter (English)",
  },
  {
    email: "translator@newsdesk.test",
    displayName: "Taraneh Translator",
    password: "demo-password-taraneh",
    grants: [{ serviceId: "fa", role: "translator" }],
    role: "translator (Persian)",
  },
];
