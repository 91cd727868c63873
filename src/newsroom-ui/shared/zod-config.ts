import { z } from "zod";

// zod compiles object parsers with `new Function` when it may, and probes for that when its
// schemas are built. The newsroom's CSP forbids eval, and the probe would log a CSP
// violation, so this module, imported first by main.tsx, turns compilation off beforehand.
z.config({ jitless: true });
