import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { SearchService } from "../../src/domain/search/search-service.js";
import type { HighlightedText } from "../../src/domain/search/search-snippet.js";
import type { ServiceId } from "../../src/domain/services/service-registry.js";
import { StoryService } from "../../src/domain/stories/story-service.js";
import { type Repositories, sqlRepositories } from "../../src/storage/repositories.js";
import { SearchSqlRepository } from "../../src/storage/search-sql-repository.js";
import { storyContent } from "../support/story-fixtures.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

const actor = systemActor("search test");
const marked = (parts: HighlightedText) => parts.filter((p) => p.match).map((p) => p.text);

describe.each(dialects)("search on %s", (dialect) => {
  let database: TestDatabase;
  let repos: Repositories;
  const clock = fixedClock("2026-11-20T10:00:00.000Z");
  let stories: StoryService;
  let search: SearchService;
  const sectionsDone = new Set<ServiceId>();

  /** Publishes a story in a service; `ageDays` moves its publish time into the past. */
  async function publish(
    serviceId: ServiceId,
    headline: string,
    body: string,
    ageDays = 0,
  ): Promise<string> {
    if (!sectionsDone.has(serviceId)) {
      await repos.catalog.upsertSection({ serviceId, slug: "world", name: "World", position: 0 });
      sectionsDone.add(serviceId);
    }
    const content = storyContent({
      headline,
      standfirst: "",
      slug: "story",
      topics: [],
      bylines: [],
      agencies: [],
      body: [{ type: "paragraph", content: [{ text: body }] }],
    });
    clock.advance(-ageDays * 86_400_000);
    const { story } = await stories.create(actor, { serviceId, content });
    await stories.publish(actor, story.id, { mode: "first" });
    clock.advance(ageDays * 86_400_000);
    return story.id;
  }

  const ids = async (serviceId: ServiceId, query: string) =>
    (await search.inService({ id: serviceId }, query, 1)).hits.map((h) => h.summary.id);

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    repos = sqlRepositories(database);
    stories = new StoryService({ ...repos, clock });
    search = new SearchService({
      search: new SearchSqlRepository(database.db, database.dialect),
      clock,
    });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("folds Latin diacritics both ways and highlights the original spelling", async () => {
    const id = await publish(
      "fr",
      "Hélène Çelik à São Paulo",
      "La ministre Hélène Çelik est arrivée.",
    );
    expect(await ids("fr", "helene celik")).toEqual([id]);
    expect(await ids("fr", "HÉLÈNE")).toEqual([id]);
    expect(await ids("fr", "helene berlin")).toEqual([]);
    const [hit] = (await search.inService({ id: "fr" }, "sao celik", 1)).hits;
    expect(marked(hit?.headline ?? [])).toEqual(["Çelik", "São"]);
    expect(marked(hit?.snippet ?? [])).toEqual(["Çelik"]);
  });

  it("folds Cyrillic ё/е and Ukrainian ї, and matches word prefixes", async () => {
    const ru = await publish("ru", "Ёлки в Москве", "Новогодние ёлки установили на площадях.");
    const uk = await publish("uk", "Київ готується до зими", "Енергетики Києва працюють.");
    expect(await ids("ru", "елки")).toEqual([ru]);
    expect(await ids("ru", "новогод")).toEqual([ru]);
    expect(await ids("uk", "київ")).toEqual([uk]);
    expect(await ids("ru", "київ")).toEqual([]);
  });

  it("stems: an inflected query finds the other forms of the word, in every stemmed language", async () => {
    const cases: [ServiceId, string, string, string][] = [
      // service, headline, query in another form, a query that must not match
      ["en", "The river burst its banks", "rivers", "rivets"],
      ["ru", "Река вышла из берегов", "реки", "рука"],
      ["es", "Las elecciones en Lima", "elección", "elefante"],
      ["fr", "Les inondations dans le Nord", "inondation", "indication"],
      ["tr", "Seçimlerde büyük sürpriz", "seçim", "sekiz"],
      ["ar", "الحكومات تعلن خطة للمدينة", "حكومة", "حكيم"],
      ["fa", "رودخانه‌ها طغیان کردند", "رودخانه", "روزنامه"],
      ["pt", "As cidades do Norte sob chuva", "cidade", "cigarro"],
    ];
    for (const [serviceId, headline, query, other] of cases) {
      const id = await publish(serviceId, headline, "—");
      expect(await ids(serviceId, query), `${serviceId} ${query}`).toEqual([id]);
      expect(await ids(serviceId, other), `${serviceId} ${other}`).toEqual([]);
    }
    const [hit] = (await search.inService({ id: "en" }, "rivers", 1)).hits;
    expect(marked(hit?.headline ?? [])).toEqual(["river"]);
    const [ru] = (await search.inService({ id: "ru" }, "реки", 1)).hits;
    expect(marked(ru?.headline ?? [])).toEqual(["Река"]);
  });

  it("still finds exact words and prefixes, and languages without a stemmer match as written", async () => {
    const en = await publish("en", "Floodwater reaches Ostrava", "Engineers inspected the dams.");
    expect(await ids("en", "Floodwater")).toEqual([en]);
    expect(await ids("en", "floodw")).toEqual([en]);
    expect(await ids("en", "inspected dams")).toEqual([en]);
    // Ukrainian has no Snowball stemmer: the exact word and its prefix match, other forms do not.
    const uk = await publish("uk", "Повінь на річці Дніпро", "Рятувальники працюють.");
    expect(await ids("uk", "річці")).toEqual([uk]);
    expect(await ids("uk", "рятувальн")).toEqual([uk]);
    expect(await ids("uk", "річка")).toEqual([]);
  });

  it("finds Serbian stored in Cyrillic whichever script the reader types", async () => {
    const id = await publish("sr", "Чачак и Београд", "Љубиша Ђорђевић вози камион из Ниша.");
    expect(await ids("sr", "Београд")).toEqual([id]);
    expect(await ids("sr", "beograd")).toEqual([id]);
    expect(await ids("sr", "cacak")).toEqual([id]);
    expect(await ids("sr", "Ljubisa Đorđević")).toEqual([id]);
    const [hit] = (await search.inService({ id: "sr" }, "ljubisa", 1)).hits;
    expect(marked(hit?.snippet ?? [])).toEqual(["Љубиша"]);
  });

  it("normalizes Arabic script: yeh and kaf forms, tatweel, harakat, ZWNJ and digits", async () => {
    const fa = await publish("fa", "کتاب‌های ایرانی در سال ۱۴۰۵", "نمایشگاه کتاب در تهران.");
    const ar = await publish("ar", "مُحَمَّد يزور الكويت عام ٢٠٢٦", "زيارة رسمية.");
    expect(await ids("fa", "كتابهاي ايراني")).toEqual([fa]);
    expect(await ids("fa", "کـتاب")).toEqual([fa]);
    expect(await ids("fa", "1405")).toEqual([fa]);
    expect(await ids("ar", "محمد")).toEqual([ar]);
    expect(await ids("ar", "2026 الكويت")).toEqual([ar]);
  });

  it("matches scripts written without spaces by substring: Chinese, Thai, Lao, Khmer, Burmese", async () => {
    const zh = await publish(
      "zh-Hans",
      "港口谈判破裂 援助车队滞留边境",
      "超过200辆卡车在口岸等待。",
    );
    const th = await publish("th", "ข่าวด่วนวันนี้จากกรุงเทพ", "ฝนตกหนักในกรุงเทพมหานคร");
    const lo = await publish("lo", "ຂ່າວດ່ວນຈາກວຽງຈັນ", "ຝົນຕົກໜັກ");
    const km = await publish("km", "ព័ត៌មានបន្ទាន់ពីភ្នំពេញ", "ភ្លៀងធ្លាក់ខ្លាំង");
    const my = await publish("my", "ဆိပ်ကမ်းဆွေးနွေးပွဲ ပျက်ပြား", "ကုန်တင်ကားများ စောင့်ဆိုင်းနေရသည်");
    expect(await ids("zh-Hans", "谈判破裂")).toEqual([zh]);
    expect(await ids("zh-Hans", "谈判")).toEqual([zh]); // two characters: below the trigram size
    expect(await ids("zh-Hans", "卡车")).toEqual([zh]);
    expect(await ids("zh-Hans", "谈判 卡车")).toEqual([zh]);
    expect(await ids("zh-Hans", "谈判 火车")).toEqual([]);
    expect(await ids("th", "กรุงเทพ")).toEqual([th]);
    expect(await ids("lo", "ວຽງຈັນ")).toEqual([lo]);
    expect(await ids("km", "ភ្នំពេញ")).toEqual([km]);
    expect(await ids("my", "ဆွေးနွေးပွဲ")).toEqual([my]);
    const [hit] = (await search.inService({ id: "zh-Hans" }, "卡车", 1)).hits;
    expect(marked(hit?.snippet ?? [])).toEqual(["卡车"]);
  });

  it("matches words in Ethiopic, Indic and Tibetan scripts", async () => {
    const am = await publish("am", "የወደብ ድርድሩ በመክሸፉ", "መኪኖቹ ቆመዋል።");
    const hi = await publish("hi", "मुख्य समाचार दिल्ली से", "बारिश जारी है।");
    const bn = await publish("bn", "ঢাকায় বন্যা পরিস্থিতি", "হালনাগাদ খবর");
    const bo = await publish("bo", "གསར་འགྱུར་གཙོ་བོ།", "ལྷ་སར་ཆར་པ་བབས།");
    expect(await ids("am", "ድርድሩ")).toEqual([am]);
    expect(await ids("hi", "दिल्ली")).toEqual([hi]);
    expect(await ids("bn", "বন্যা")).toEqual([bn]);
    expect(await ids("bo", "གསར་འགྱུར")).toEqual([bo]);
  });

  it("ranks a headline match above a body match, and the newer of equals first", async () => {
    const body = await publish("es", "Llueve en Lima", "La crecida del río Rímac preocupa.");
    const headline = await publish("es", "El río Rímac se desborda", "Lluvias en Lima.");
    const older = await publish("es", "Rímac: balance", "Informe.", 40);
    const newer = await publish("es", "Rímac: balance", "Informe.", 1);
    const found = await ids("es", "rimac");
    expect(found.indexOf(headline)).toBeLessThan(found.indexOf(body));
    expect(found.indexOf(newer)).toBeLessThan(found.indexOf(older));
  });

  it("paginates with a total", async () => {
    for (let i = 0; i < 23; i += 1) await publish("id", `Banjir di Jakarta ${i}`, "Hujan deras.");
    const first = await search.inService({ id: "id" }, "banjir", 1);
    const second = await search.inService({ id: "id" }, "banjir", 2);
    expect(first.total).toBe(23);
    expect(first.totalCapped).toBe(false);
    expect(first.hits).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect(second.hits).toHaveLength(3);
    expect(second.hasMore).toBe(false);
    const all = [...first.hits, ...second.hits].map((h) => h.summary.id);
    expect(new Set(all).size).toBe(23);
  });

  it("caps the total past the window of newest matches and pages on through it", async () => {
    const windowed = new SearchService({
      search: new SearchSqlRepository(database.db, database.dialect, {
        window: 10,
      }),
      clock,
    });
    const published: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      published.push(await publish("sw", `Mafuriko Mombasa ${i}`, "Mvua kubwa.", 25 - i));
    }
    const first = await windowed.inService({ id: "sw" }, "mafuriko", 1);
    expect(first.hits).toHaveLength(20);
    expect(first.total).toBe(20);
    expect(first.totalCapped).toBe(true);
    expect(first.hasMore).toBe(true);
    // The newest ten matches are ranked first (relevance × recency within the window).
    const newestTen = published.slice(-10).sort();
    expect(
      first.hits
        .slice(0, 10)
        .map((h) => h.summary.id)
        .sort(),
    ).toEqual(newestTen);
    const second = await windowed.inService({ id: "sw" }, "mafuriko", 2);
    expect(second.hits).toHaveLength(5);
    expect(second.total).toBe(25);
    expect(second.totalCapped).toBe(false);
    expect(second.hasMore).toBe(false);
    const all = [...first.hits, ...second.hits].map((h) => h.summary.id);
    expect(new Set(all)).toEqual(new Set(published));
    // Past the last match: no hits, and the exact total.
    const beyond = await windowed.inService({ id: "sw" }, "mafuriko", 3);
    expect(beyond.hits).toEqual([]);
    expect(beyond.total).toBe(25);
    expect(beyond.totalCapped).toBe(false);
    // The default window counts all 25 exactly.
    const exact = await search.inService({ id: "sw" }, "mafuriko", 1);
    expect(exact.total).toBe(25);
    expect(exact.totalCapped).toBe(false);
  });

  it("keeps the service filter inside the index: a shared word stays in its service", async () => {
    const fr = await publish("fr", "Zorvath arrive à Paris", "Le ministre Zorvath.");
    const es = await publish("es", "Zorvath llega a Madrid", "El ministro Zorvath.");
    const zh = await publish("zh-Hans", "Zorvath抵达北京", "部长Zorvath。");
    const hant = await publish("zh-Hant", "Zorvath抵達台北", "部長Zorvath。");
    expect(await ids("fr", "zorvath")).toEqual([fr]);
    expect(await ids("es", "zorvath")).toEqual([es]);
    expect(await ids("zh-Hans", "zorvath")).toEqual([zh]);
    expect(await ids("zh-Hant", "zorvath")).toEqual([hant]);
    const some = await search.acrossServices(actor, "zorvath", { serviceIds: ["es", "zh-Hant"] });
    expect(some.hits.map((h) => h.summary.id).sort()).toEqual([es, hant].sort());
    expect(some.total).toBe(2);
  });

  it("stays consistent with update, unpublish and kill", async () => {
    const id = await publish("pt", "Chuva em Recife", "Alagamentos na cidade.");
    expect(await ids("pt", "recife")).toEqual([id]);
    const story = await repos.stories.findStory(id);
    if (!story) throw new Error("missing story");
    await stories.saveDraft(actor, id, {
      baseRevisionId: story.currentRevisionId,
      content: storyContent({
        headline: "Chuva em Salvador",
        standfirst: "",
        slug: "story",
        topics: [],
        bylines: [],
        agencies: [],
        body: [{ type: "paragraph", content: [{ text: "Alagamentos." }] }],
      }),
    });
    await stories.publish(actor, id, { mode: "update", note: "Cidade corrigida." });
    expect(await ids("pt", "recife")).toEqual([]);
    expect(await ids("pt", "salvador")).toEqual([id]);
    await stories.unpublish(actor, id);
    expect(await ids("pt", "salvador")).toEqual([]);
    const killed = await publish("pt", "Incêndio em Manaus", "Fogo.");
    expect(await ids("pt", "manaus")).toEqual([killed]);
    await stories.kill(actor, killed, "Legal");
    expect(await ids("pt", "manaus")).toEqual([]);
  });

  it("matches a prefix in every word that has it, however many words do", async () => {
    // A few words with the prefix (expanded into exact terms on SQLite) and more than the
    // expansion takes at once (an FTS5 prefix query there): the same matches either way.
    const few = [];
    for (const end of ["a", "bo", "kur"]) {
      few.push(await publish("ha", `Taron mirtek${end}`, "Labari."));
    }
    const many = [];
    for (let i = 0; i < 70; i += 1) {
      const word = `zanvo${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
      many.push(await publish("ha", `Rahoto ${word}`, "Labari."));
    }
    const all = async (query: string) => {
      const found: string[] = [];
      for (let page = 1; ; page += 1) {
        const result = await search.inService({ id: "ha" }, query, page);
        found.push(...result.hits.map((h) => h.summary.id));
        if (!result.hasMore) return { found, total: result.total };
      }
    };
    expect(new Set((await all("mirtek")).found)).toEqual(new Set(few));
    expect(await all("zanvo")).toEqual({ found: expect.any(Array), total: 70 });
    expect(new Set((await all("zanvo")).found)).toEqual(new Set(many));
    expect(new Set((await all("mirtekbo")).found)).toEqual(new Set([few[1]]));
    // A word first indexed now is found by the prefix at once.
    const later = await publish("ha", "Sabon mirtekzz", "Labari.");
    expect(new Set((await all("mirtek")).found)).toEqual(new Set([...few, later]));
    // And both kinds in one query, AND-ed.
    const both = await publish("ha", "mirtekqq da zanvoqq", "Labari.");
    expect((await all("mirtek zanvo")).found).toEqual([both]);
  });

  it("ranks a story with more of the query's words in its headline first", async () => {
    const one = await publish("so", "Qorrax kulul", "Magaalada Vorkesh ayaa la sheegay.");
    const two = await publish("so", "Qorrax Vorkesh", "Kulul ayaa la sheegay.", 1);
    const none = await publish("so", "Warbixin", "Qorrax iyo Vorkesh.");
    expect(await ids("so", "qorrax vorkesh")).toEqual([two, one, none]);
  });

  it("searches across services for the newsroom, or within chosen ones", async () => {
    const en = await publish("en", "Kessara port reopens", "Ships return.");
    const tr = await publish("tr", "Kessara limanı açıldı", "Gemiler döndü.");
    const zh = await publish("zh-Hant", "Kessara港口重新開放", "船隻返回。");
    const everywhere = await search.acrossServices(actor, "kessara");
    expect(everywhere.hits.map((h) => h.summary.id).sort()).toEqual([en, tr, zh].sort());
    const chosen = await search.acrossServices(actor, "kessara", { serviceIds: ["tr"] });
    expect(chosen.hits.map((h) => h.summary.id)).toEqual([tr]);
    expect(chosen.hits[0]?.summary.serviceId).toBe("tr");
  });

  it("treats query syntax as text: quotes, wildcards and operators find nothing odd", async () => {
    await publish("en", "Plain headline", "Nothing special.");
    for (const q of ['"', "*", "%", "_", "' or 1=1 --", "NEAR(", "a\\b", "-", "()"]) {
      const result = await search.inService({ id: "en" }, q, 1);
      expect(
        result.hits.every((h) => h.summary.serviceId === "en"),
        q,
      ).toBe(true);
    }
    expect(await ids("en", "%")).toEqual([]);
  });
});
