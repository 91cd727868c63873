import type { CreateUserInput } from "../domain/users/user-schema.js";

/**
 * Demo newsroom accounts. The passwords are public (printed at start and in the README):
 * they exist so a first-time operator can try every role. Never seed them in production
 * (SEED_DEMO=never).
 */
export const demoAccounts: (CreateUserInput & { password: string; role: string })[] = [
  {
    email: "admin@newsdesk.test",
    displayName: "Ada Admin",
    password: "admin-demo-password",
    isAdmin: true,
    grants: [],
    role: "administrator",
  },
  {
    email: "editor@newsdesk.test",
    displayName: "Elif Editor",
    password: "editor-demo-password",
    grants: [
      { serviceId: "en", role: "editor" },
      { serviceId: "fa", role: "editor" },
    ],
    role: "editor (English, Persian)",
  },
  {
    email: "reporter@newsdesk.test",
    displayName: "Rafael Reporter",
    password: "reporter-demo-password",
    grants: [{ serviceId: "en", role: "reporter" }],
    role: "reporter (English)",
  },
  {
    email: "translator@newsdesk.test",
    displayName: "Taraneh Translator",
    password: "translator-demo-password",
    grants: [{ serviceId: "fa", role: "translator" }],
    role: "translator (Persian)",
  },
];
