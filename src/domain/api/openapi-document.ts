import { z } from "zod";
import { serviceIds } from "../services/service-registry.js";
import {
  livePostPageOutSchema,
  livePostsQuerySchema,
  peopleOutSchema,
  problemOutSchema,
  sectionsOutSchema,
  servicesOutSchema,
  storyListQuerySchema,
  storyOutSchema,
  storyPageOutSchema,
  topicsOutSchema,
} from "./api-schemas.js";

type JsonObject = Record<string, unknown>;

/** Reusable components: one JSON Schema per response shape, generated from the zod schema. */
const components = {
  ServiceList: servicesOutSchema,
  SectionList: sectionsOutSchema,
  TopicList: topicsOutSchema,
  ContributorList: peopleOutSchema,
  StoryPage: storyPageOutSchema,
  Story: storyOutSchema,
  LivePostPage: livePostPageOutSchema,
  Problem: problemOutSchema,
} as const satisfies Record<string, z.ZodType>;
type ComponentName = keyof typeof components;

interface Operation {
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly response: ComponentName | "Ninjs";
  readonly parameters: readonly JsonObject[];
  /** Public documents need no key; data routes do. */
  readonly secured: boolean;
}

const serviceParam = {
  name: "service",
  in: "path",
  required: true,
  schema: { type: "string", enum: [...serviceIds] },
};
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };

/** Every data route of /api/v1. Tests walk this list and call each one. */
export const apiOperations: readonly Operation[] = [
  {
    path: "/api/v1/services",
    operationId: "listServices",
    summary: "Language services",
    response: "ServiceList",
    parameters: [],
    secured: true,
  },
  {
    path: "/api/v1/services/{service}/sections",
    operationId: "listSections",
    summary: "Sections of a service",
    response: "SectionList",
    parameters: [serviceParam],
    secured: true,
  },
  {
    path: "/api/v1/services/{service}/topics",
    operationId: "listTopics",
    summary: "Topics of a service",
    response: "TopicList",
    parameters: [serviceParam],
    secured: true,
  },
  {
    path: "/api/v1/services/{service}/people",
    operationId: "listPeople",
    summary: "Journalists and desks of a service",
    response: "ContributorList",
    parameters: [serviceParam],
    secured: true,
  },
  {
    path: "/api/v1/stories",
    operationId: "listStories",
    summary: "Published stories, newest change first, with cursor pagination",
    response: "StoryPage",
    parameters: queryParameters(storyListQuerySchema),
    secured: true,
  },
  {
    path: "/api/v1/stories/{id}",
    operationId: "getStory",
    summary: "One published story with its full text",
    response: "Story",
    parameters: [idParam],
    secured: true,
  },
  {
    path: "/api/v1/stories/{id}/posts",
    operationId: "listLivePosts",
    summary:
      "A live page's posts, newest first, with cursor pagination; empty for other published stories",
    response: "LivePostPage",
    parameters: [idParam, ...queryParameters(livePostsQuerySchema)],
    secured: true,
  },
  {
    path: "/api/v1/ninjs/stories/{id}",
    operationId: "getStoryNinjs",
    summary:
      "One story as IPTC ninjs 3.1; a killed or unpublished story answers with pubStatus canceled or withheld",
    response: "Ninjs",
    parameters: [idParam],
    secured: true,
  },
];

/** JSON Schema (2020-12) of a component, as served in the OpenAPI document. */
function componentSchema(name: ComponentName): JsonObject {
  return z.toJSONSchema(components[name], { target: "draft-2020-12", io: "output" }) as JsonObject;
}

/** OpenAPI 3.1 (whose Schema Object is JSON Schema 2020-12, so zod's output fits as is). */
export function openApiDocument(publicUrl: string): JsonObject {
  const schemas = Object.fromEntries(
    (Object.keys(components) as ComponentName[]).map((name) => {
      const { $schema: _drop, ...schema } = componentSchema(name);
      return [name, schema];
    }),
  );
  schemas.Ninjs = {
    $ref: "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#",
    description: "An IPTC ninjs 3.1 document.",
  };
  const problem = (description: string) => ({
    description,
    content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
  });
  const paths: JsonObject = {};
  for (const op of apiOperations) {
    paths[op.path] = {
      get: {
        operationId: op.operationId,
        summary: op.summary,
        parameters: op.parameters,
        ...(op.secured ? { security: [{ apiKey: [] }] } : {}),
        responses: {
          "200": {
            description: "OK",
            headers: {
              ETag: { schema: { type: "string" }, description: "Send back as If-None-Match." },
            },
            content: {
              [op.response === "Ninjs" ? "application/json" : "application/json"]: {
                schema: { $ref: `#/components/schemas/${op.response}` },
              },
            },
          },
          "304": { description: "Not modified (If-None-Match matched the ETag)." },
          "400": problem("Invalid parameters (VALIDATION_FAILED, CURSOR_INVALID)."),
          "401": problem("Missing or invalid API key (API_KEY_MISSING, API_KEY_INVALID)."),
          "404": problem("Not found (NOT_FOUND, STORY_NOT_FOUND, SERVICE_NOT_FOUND)."),
          "429": {
            ...problem("Rate limit exceeded (RATE_LIMITED)."),
            headers: { "Retry-After": { schema: { type: "integer" } } },
          },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Newsdesk content API",
      version: "1.0.0",
      description:
        "Read-only access to published stories and the catalogue. Every response carries an ETag; errors are RFC 9457 problem details with a stable `code`.",
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: publicUrl }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "Send 'Authorization: Bearer ndk_…'. Each key has its own per-minute limit.",
        },
      },
    },
  };
}

function queryParameters(schema: z.ZodObject): JsonObject[] {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" }) as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: (json.required ?? []).includes(name),
    schema: s,
  }));
}
