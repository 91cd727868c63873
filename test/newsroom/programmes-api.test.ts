import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheKeyFor } from "../../src/cache/page-cache.js";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

interface ProgrammeJson {
  id: string;
  slug: string;
  version: number;
}
interface ScheduleJson {
  version: number;
  slots: { id: string; programmeId: string }[];
  exceptions: unknown[];
}

const programme = (over: Record<string, unknown> = {}) => ({
  slug: "sunrise",
  title: "Sunrise",
  description: "The morning programme: news, weather and <b>listeners</b>' calls.",
  kind: "radio",
  artworkMediaId: null,
  presenterIds: ["lena-okafor"],
  links: [{ label: "Apple Podcasts", url: "https://podcasts.example.com/daybreak" }],
  liveStreamUrl: "https://stream.example.com/radio/english.m3u8",
  ...over,
});

describe.each(dialects)("programmes and the broadcast schedule on %s", (dialect) => {
  // Monday 30 March 2026, 06:40 UTC: Daybreak (06:30–07:00 UTC in English) is on.
  const clock = fixedClock("2026-03-30T06:40:00Z");
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let editor: NewsroomClient;
  let reporter: NewsroomClient;
  let daybreak: ProgrammeJson;
  let evening: ProgrammeJson;
  const page = async (url: string) => (await newsdesk.app.request(url)).text();

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect, { clock });
    editor = new NewsroomClient(newsdesk.app);
    reporter = new NewsroomClient(newsdesk.app);
    await editor.login("editor@newsdesk.test", "demo-password-elif");
    await reporter.login("reporter@newsdesk.test", "demo-password-rafael");
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("lets an editor create programmes and refuses reporters, bad links and taken slugs", async () => {
    const refused = await reporter.request("POST", "/programmes/en", programme());
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(((await refused.json()) as { code: string }).code).toBe("FORBIDDEN");

    const created = await editor.request("POST", "/programmes/en", programme());
    expect(created.status).toBe(201);
    daybreak = (await created.json()) as ProgrammeJson;
    expect(daybreak).toMatchObject({ slug: "sunrise", version: 1 });

    const taken = await editor.request("POST", "/programmes/en", programme());
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { code: string }).code).toBe("PROGRAMME_SLUG_TAKEN");

    const script = await editor.request(
      "POST",
      "/programmes/en",
      programme({ slug: "x", links: [{ label: "Evil", url: "javascript:alert(1)" }] }),
    );
    expect(script.status).toBe(400);

    const nobody = await editor.request(
      "POST",
      "/programmes/en",
      programme({ slug: "y", presenterIds: ["no-such-person"] }),
    );
    expect(nobody.status).toBe(422);

    // The editor has no role in the Albanian service.
    expect((await editor.request("POST", "/programmes/sq", programme())).status).toBe(403);

    evening = await editor.json<ProgrammeJson>(
      "POST",
      "/programmes/en",
      programme({
        slug: "evening-edition",
        title: "Evening Edition",
        links: [],
        liveStreamUrl: null,
      }),
    );
    const list = await reporter.json<{ items: ProgrammeJson[] }>("GET", "/programmes/en");
    expect(list.items.map((p) => p.slug)).toEqual(
      expect.arrayContaining(["sunrise", "evening-edition"]),
    );
  });

  it("refuses an edit made from a stale version", async () => {
    const saved = await editor.json<ProgrammeJson>("PUT", `/programme/${daybreak.id}`, {
      ...programme({ title: "Sunrise with Lena" }),
      version: 1,
    });
    expect(saved.version).toBe(2);
    const stale = await editor.request("PUT", `/programme/${daybreak.id}`, {
      ...programme(),
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { code: string }).code).toBe("PROGRAMME_CONFLICT");
  });

  it("saves the week's slots with exceptions, and refuses conflicts and strangers' programmes", async () => {
    // The demo newsroom has a schedule already: start from its version.
    const current = await editor.json<ScheduleJson>("GET", "/schedule/en");
    const week = {
      version: current.version,
      slots: [
        {
          programmeId: daybreak.id,
          weekdays: [1, 2, 3, 4, 5],
          start: "06:30",
          durationMinutes: 30,
          validFrom: "2026-01-01",
          validUntil: null,
          streamUrl: null,
        },
        {
          programmeId: evening.id,
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          start: "19:00",
          durationMinutes: 60,
          validFrom: "2026-01-01",
          validUntil: null,
          streamUrl: null,
        },
      ],
      exceptions: [],
    };
    const before = await page("/english/");
    expect(before).not.toContain("Sunrise");
    const saved = await editor.json<ScheduleJson>("PUT", "/schedule/en", week);
    expect(saved.version).toBe(current.version + 1);
    expect(saved.slots).toHaveLength(2);

    const stale = await editor.request("PUT", "/schedule/en", week);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { code: string }).code).toBe("SCHEDULE_CONFLICT");

    const persianVersion = (await editor.json<ScheduleJson>("GET", "/schedule/fa")).version;
    const foreign = await editor.request("PUT", "/schedule/fa", {
      ...week,
      version: persianVersion,
    });
    expect(foreign.status).toBe(422);
    expect(((await foreign.json()) as { code: string }).code).toBe("SCHEDULE_INVALID");

    const badTime = await editor.request("PUT", "/schedule/en", {
      ...week,
      version: saved.version,
      slots: [{ ...week.slots[0], start: "25:00" }],
    });
    expect(badTime.status).toBe(400);

    // Tuesday's Daybreak is cancelled; Wednesday's starts late and runs an hour.
    const [morning] = saved.slots;
    const withExceptions = await editor.json<ScheduleJson>("PUT", "/schedule/en", {
      version: saved.version,
      slots: saved.slots,
      exceptions: [
        { kind: "cancelled", slotId: morning?.id, date: "2026-03-31" },
        {
          kind: "moved",
          slotId: morning?.id,
          date: "2026-04-01",
          start: "07:00",
          durationMinutes: 60,
          programmeId: null,
        },
      ],
    });
    expect(withExceptions.version).toBe(saved.version + 1);
    expect(
      (await reporter.request("PUT", "/schedule/en", { ...week, version: withExceptions.version }))
        .status,
    ).toBe(403);
  });

  it("shows what is on now on the home page, and the week on the schedule page", async () => {
    const home = await page("/english/");
    expect(home).toMatch(
      /On now<\/strong>.*datetime="2026-03-30T06:30:00.000Z">6:30 AM<.*datetime="2026-03-30T07:00:00.000Z">7:00 AM<.*Sunrise with Lena/s,
    );
    expect(home).toContain('href="https://stream.example.com/radio/english.m3u8"');
    expect(home).toMatch(
      /Next<\/strong>.*datetime="2026-03-30T19:00:00.000Z">7:00 PM<.*Evening Edition/s,
    );

    const schedule = await page("/english/schedule");
    expect(schedule).toContain('<time datetime="2026-03-30T06:30:00.000Z">6:30 AM</time>');
    expect(schedule).toContain('Monday <time datetime="2026-03-30">March 30, 2026</time>');
    // Tuesday's cancelled; Wednesday's moved to 07:00–08:00.
    expect(schedule).not.toContain('datetime="2026-03-31T06:30:00.000Z"');
    expect(schedule).toContain('datetime="2026-04-01T07:00:00.000Z"');
    expect(schedule).toContain('datetime="2026-04-01T08:00:00.000Z"');
    expect(schedule).toMatch(
      /<li class="now" aria-current="time">(?:(?!<\/li>).)*Sunrise with Lena/s,
    );
    // The description's markup is text, never HTML.
    const programmePage = await page("/english/programmes/sunrise");
    expect(programmePage).toContain("&lt;b>listeners&lt;/b>");
    expect(programmePage).toContain('href="https://podcasts.example.com/daybreak"');
    expect(programmePage).toContain("Presented by Lena Okafor");
    expect(await newsdesk.app.request("/english/schedule?week=2030-01-07")).toHaveProperty(
      "status",
      404,
    );
    expect((await newsdesk.app.request("/english/schedule?week=monday")).status).toBe(400);
  });

  it("exports the coming weeks as iCalendar", async () => {
    const response = await newsdesk.app.request("/english/schedule.ics");
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = await response.text();
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics).toContain("DTSTART:20260330T063000Z\r\n");
    expect(ics).toContain("SUMMARY:Evening Edition\r\n");
    expect(ics).toContain("URL:https://news.example.org/english/programmes/sunrise\r\n");
    expect(ics.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
  });

  it("caches the home page only until the broadcast on air ends, and drops it when the schedule changes", async () => {
    await page("/english/");
    const hit = await newsdesk.app.request("/english/");
    expect(hit.headers.get("cache-status")).toMatch(/; hit/);
    // 07:01: Daybreak is over; the stored page expired with it.
    clock.advance(21 * 60_000);
    const after = await newsdesk.app.request("/english/");
    expect(after.headers.get("cache-status")).not.toMatch(/; hit/);
    const fresh = await after.text();
    expect(fresh).not.toContain("On now</strong>");
    expect(fresh).toMatch(/Next<\/strong>.*7:00 PM.*Evening Edition/s);
    const key = cacheKeyFor("/english/", undefined);
    expect(newsdesk.pageCache.has(key)).toBe(true);
    const schedule = await editor.json<ScheduleJson>("GET", "/schedule/en");
    await editor.json("PUT", "/schedule/en", schedule);
    expect(newsdesk.pageCache.has(key)).toBe(false);
  });

  it("keeps wall-clock times across a DST change and writes the Solar Hijri calendar in Persian", async () => {
    const admin = new NewsroomClient(newsdesk.app);
    await admin.login("admin@newsdesk.test", "demo-password-ada");
    const albanian = await admin.json<ProgrammeJson>(
      "POST",
      "/programmes/sq",
      programme({ slug: "mengjesi", title: "Mëngjesi", presenterIds: [], liveStreamUrl: null }),
    );
    await admin.json("PUT", "/schedule/sq", {
      version: (await admin.json<ScheduleJson>("GET", "/schedule/sq")).version,
      exceptions: [],
      slots: [
        {
          programmeId: albanian.id,
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          start: "06:30",
          durationMinutes: 30,
          validFrom: "2026-01-01",
          validUntil: null,
          streamUrl: null,
        },
      ],
    });
    // Clocks in Tirane went forward on Sunday 29 March 2026: 06:30 local is 05:30 UTC on
    // the Saturday, 04:30 UTC from the Sunday.
    const week = await page("/albanian/schedule?week=2026-03-23");
    expect(week).toContain('datetime="2026-03-28T05:30:00.000Z"');
    expect(week).toContain('datetime="2026-03-29T04:30:00.000Z"');

    const persian = await editor.json<ProgrammeJson>(
      "POST",
      "/programmes/fa",
      programme({ slug: "سپیده", title: "سپیده", presenterIds: [], liveStreamUrl: null }),
    );
    await editor.json("PUT", "/schedule/fa", {
      version: (await editor.json<ScheduleJson>("GET", "/schedule/fa")).version,
      exceptions: [],
      slots: [
        {
          programmeId: persian.id,
          weekdays: [1],
          start: "20:00",
          durationMinutes: 60,
          validFrom: "2026-01-01",
          validUntil: null,
          streamUrl: null,
        },
      ],
    });
    const fa = await page("/persian/schedule?week=2026-03-30");
    // Monday 30 March 2026 is 10 Farvardin 1405; 20:00 in Tehran (+03:30) is 16:30 UTC.
    expect(fa).toContain('datetime="2026-03-30T16:30:00.000Z"');
    expect(fa).toMatch(/<time datetime="2026-03-30">[^<]*۱۰[^<]*فروردین[^<]*۱۴۰۵/);
    expect(fa).toContain("۲۰:۰۰");
  });

  it("will not remove a programme the schedule still uses", async () => {
    const inUse = await editor.request("DELETE", `/programme/${evening.id}`);
    expect(inUse.status).toBe(409);
    expect(((await inUse.json()) as { code: string }).code).toBe("PROGRAMME_IN_USE");
  });
});
