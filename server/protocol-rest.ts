/**
 * The REST half of the protocol (SPEC §5): zod schemas of what the agent console sends to and
 * reads from `/api/*`, and their inferred types. protocol.ts re-exports all of it, so there is one
 * place to import from; it imports nothing but zod, so the console's `import type` costs 0 bytes.
 * Routes parse requests with these schemas and declare their handlers' results with these types,
 * so a server change that breaks the console's shape fails `tsc`.
 *
 * @example
 *   const body = LoginRequest.parse(req.body);
 *   router.get('/api/intents', route(async (): Promise<IntentsResponse> => tuning.list()));
 */
import { z } from 'zod';

export const AgentRole = z.enum(['agent', 'ops']);
export type AgentRole = z.infer<typeof AgentRole>;

/** Who is signed in, as the console keeps it. */
export const SignedInAgent = z.object({
  id: z.string(),
  name: z.string(),
  role: AgentRole,
  /** The languages this agent answers in (`PATCH /api/agents/:id {languages}`); the queue can show only those. */
  languages: z.array(z.string()).optional(),
});
export type SignedInAgent = z.infer<typeof SignedInAgent>;

/** `POST /api/auth/login`. */
export const LoginRequest = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) });
export type LoginRequest = z.infer<typeof LoginRequest>;
export const LoginResponse = z.object({ token: z.string(), agent: SignedInAgent });
export type LoginResponse = z.infer<typeof LoginResponse>;

/** `GET /api/email-status`: whether replies a shopper missed are emailed (SMTP_URL). */
export const EmailStatus = z.object({ enabled: z.boolean() });
export type EmailStatus = z.infer<typeof EmailStatus>;

/** `{ en: { refund: 3 } }`: per language, term → weight. */
export const WeightedTerms = z.record(z.string(), z.record(z.string(), z.number()));
export type WeightedTerms = z.infer<typeof WeightedTerms>;
/** `{ en: ["refund policy"] }`: per language, a list of terms. */
export const TermLists = z.record(z.string(), z.array(z.string()));
export type TermLists = z.infer<typeof TermLists>;
export const AerReply = z.object({ acknowledge: z.string(), empathize: z.string(), reassure: z.string() });
export type AerReply = z.infer<typeof AerReply>;
/** Per language, then per situation. */
export const Replies = z.record(z.string(), z.record(z.string(), AerReply));
export type Replies = z.infer<typeof Replies>;

/** One intent file as the server parsed it (the file's own schema, with its ops-facing messages, is intents/intent-file-schema.ts). */
export const IntentData = z.object({
  intent: z.string(),
  priority: z.number(),
  negatable: z.boolean(),
  keywords: WeightedTerms,
  phrases: WeightedTerms,
  exclude: TermLists,
  replies: Replies,
});
export type IntentData = z.infer<typeof IntentData>;

/** Where an intent file is wrong; also the `details` of a 422 `invalid_intents`. */
export const IntentFileError = z.object({
  file: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  /** Dotted path of the field, such as `keywords.en[3]`; empty for the whole file. */
  path: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]).optional(),
  message: z.string(),
});
export type IntentFileError = z.infer<typeof IntentFileError>;

/** `GET /api/intents`. */
export const IntentsResponse = z.object({
  /** `data` is missing while the file does not load (see `errors`). */
  intents: z.array(z.object({ name: z.string(), file: z.string(), yaml: z.string(), data: IntentData.optional() })),
  /** The last rejected hot-reload edit, if any. */
  errors: z.array(IntentFileError).readonly(),
  examplesCount: z.number(),
});
export type IntentsResponse = z.infer<typeof IntentsResponse>;

/** The fields ops edit from the console; each one given replaces that field. */
export const IntentPatch = IntentData.omit({ intent: true }).partial();
export type IntentPatch = z.infer<typeof IntentPatch>;
/** `PUT /api/intents/:name` and `POST …/preview`: the whole file, or a patch. */
export type IntentChange = { yaml: string } | { patch: IntentPatch };

/** One saved version of an intent file. */
export const IntentVersion = z.object({ id: z.string(), at: z.string(), author: z.string(), summary: z.string() });
export type IntentVersion = z.infer<typeof IntentVersion>;
export const SaveIntentResponse = z.object({ ok: z.literal(true), version: IntentVersion });
export type SaveIntentResponse = z.infer<typeof SaveIntentResponse>;
/** `POST /api/intents/:name/restore`. */
export const RestoreRequest = z.object({ versionId: z.string().min(1).max(100) });
export type RestoreRequest = z.infer<typeof RestoreRequest>;

const ClassScores = z.object({ precision: z.number(), recall: z.number(), f1: z.number() });
const IntentScores = z.object({
  accuracy: z.number(),
  macroF1: z.number(),
  perIntent: z.record(z.string(), ClassScores.extend({ support: z.number() })),
  /** confusion[expected][predicted] = count */
  confusion: z.record(z.string(), z.record(z.string(), z.number())),
});
const LanguageReport = z.object({
  n: z.number(),
  intent: IntentScores.optional(),
  negative: ClassScores.extend({ n: z.number() }).optional(),
  handoff: ClassScores.extend({ n: z.number() }).optional(),
});
/** Precision, recall and F1 of one intent set on the labelled examples (server/eval/evaluate.ts). */
export const EvalReport = LanguageReport.extend({
  msPerMessage: z.number(),
  /** Per row `lang` (SPEC §9), present when some row carries one. */
  byLanguage: z.record(z.string(), LanguageReport).optional(),
});
export type EvalReport = z.infer<typeof EvalReport>;

/** An example row whose intent an edit would change. */
export const Flip = z.object({ text: z.string(), expected: z.string(), from: z.string(), to: z.string() });
export type Flip = z.infer<typeof Flip>;
/** `POST /api/intents/:name/preview`: the running set against the edited one. */
export const PreviewResponse = z.object({ current: EvalReport, candidate: EvalReport, flips: z.array(Flip) });
export type PreviewResponse = z.infer<typeof PreviewResponse>;

/** `GET /api/reports/summary?from&to`. */
export const ReportSummary = z.object({
  from: z.string(),
  to: z.string(),
  conversations: z.number(),
  solvedByBot: z.number(),
  containment: z.number().nullable(),
  handoffs: z.number(),
  handoffRate: z.number().nullable(),
  handoffsByReason: z.record(z.string(), z.number()),
  firstResponseSeconds: z.object({ p50: z.number().nullable(), p90: z.number().nullable() }),
  averageRating: z.number().nullable(),
  ratings: z.number(),
  topIntents: z.array(z.object({ intent: z.string(), count: z.number() })),
  keywords: z.object({
    fired: z.array(z.object({ term: z.string(), intent: z.string(), count: z.number() })),
    neverFired: z.array(z.object({ term: z.string(), intent: z.string() })),
  }),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

/** One follow-up reminder (`GET /api/followups`), after a complaint or safety case was resolved. */
export const Followup = z.object({
  id: z.string(),
  conversationId: z.string(),
  dueAt: z.string(),
  createdAt: z.string(),
  done: z.boolean(),
  intent: z.string(),
  /** The shopper's last message, shortened. */
  preview: z.string(),
});
export type Followup = z.infer<typeof Followup>;
