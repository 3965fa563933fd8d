// The requests of the psychotherapy-note leak sweep, planned from the OpenAPI document at run time:
// every GET route, and every POST route that searches, exports or renders (search, export, pdf...),
// with each path parameter filled by every id of its kind that exists (and always the psychotherapy
// notes' own ids), and query strings or bodies that list the patient's records and search for the marker.

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
}
export interface OpenApiParam {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}
export interface OpenApiOp {
  parameters?: OpenApiParam[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
export interface OpenApiDoc {
  paths: Record<string, Partial<Record<string, OpenApiOp>>>;
}
export interface PlannedRequest {
  method: 'GET' | 'POST';
  /** The route as the document names it ("/api/patients/{id}"). */
  path: string;
  url: string;
  body?: Record<string, unknown>;
}
export interface PlanContext {
  patientId: string;
  /** Search terms to try in every search field. */
  search: string[];
  /** The window of dates holding the test's data (local dates). */
  from: string;
  to: string;
}

/** At most this many requests per route and principal. */
const PER_ROUTE = 40;
/** At most this many ids of one table per parameter. */
const PER_TABLE = 10;
/** POST routes that read rather than change: searches, exports and rendered documents. */
const READING_POST = /search|export|pdf|print|download|report|preview/i;
const SEARCH_FIELD = /^(q|query|search|term|text|keywords?)$/i;
const RANGE_END = /^(to|end|until|before|through)$|(To|End|Until|Before)$/;
const RANGE_START = /^(from|start|since|after)$|(From|Start|Since|After)$/;
const PSYCHOTHERAPY_TABLE = 'psychotherapy_notes';

/** Words in routes and parameter names that do not name their table. */
const ALIASES: Record<string, string[]> = {
  staff: ['users'], clinician: ['users'], user: ['users'], actor: ['users'], author: ['users'], supervisor: ['users'], facilitator: ['users'],
  signer: ['users'], cosigner: ['users'], service_account: ['users'], waitlist: ['waitlist_entries'], template: ['note_templates'],
};

const singular = (w: string) => w.replace(/s$/, '');
const snake = (w: string) => w.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase();

/** The tables whose ids a route word or parameter name ("patients", "noteId") stands for. */
function tablesFor(word: string, tables: string[]): string[] {
  const w = singular(snake(word.replace(/Ids?$/, '')));
  if (ALIASES[w]) return ALIASES[w].filter((t) => tables.includes(t));
  return tables.filter((t) => singular(t) === w || singular(t).endsWith(`_${w}`));
}

const schemaType = (s: JsonSchema | undefined): string | undefined => {
  if (!s) return undefined;
  if (typeof s.type === 'string') return s.type;
  if (Array.isArray(s.type)) return s.type.find((x) => x !== 'null');
  for (const a of s.anyOf ?? []) {
    const t = schemaType(a);
    if (t && t !== 'null') return t;
  }
  return undefined;
};
const formatOf = (s: JsonSchema | undefined): string | undefined => s?.format ?? s?.anyOf?.map(formatOf).find(Boolean);
const enumOf = (s: JsonSchema | undefined): unknown[] | undefined => s?.enum ?? s?.anyOf?.map(enumOf).find(Boolean);
const isIdName = (name: string, s: JsonSchema | undefined) => formatOf(s) === 'uuid' || /(^id|Id)$/.test(name);
const isDateName = (name: string, s: JsonSchema | undefined) =>
  formatOf(s) === 'date' || formatOf(s) === 'date-time' || RANGE_START.test(name) || RANGE_END.test(name) || /date|Date|day|Day/.test(name);

/** A value for a field that is not a search field, or undefined to leave it out. */
function valueFor(name: string, s: JsonSchema | undefined, required: boolean, ids: Map<string, string[]>, ctx: PlanContext): unknown {
  const tables = [...ids.keys()];
  if (name === 'patientId') return ctx.patientId;
  if (isIdName(name, s)) return required ? (tablesFor(name, tables).flatMap((t) => ids.get(t)!)[0] ?? ctx.patientId) : undefined;
  if (isDateName(name, s) && schemaType(s) === 'string') {
    // Ranges are always given (their defaults may miss the test's dates); a single date only when needed.
    const range = RANGE_END.test(name) ? 'end' : RANGE_START.test(name) ? 'start' : null;
    if (!range && !required) return undefined;
    const day = range === 'end' ? ctx.to : ctx.from;
    return formatOf(s) === 'date-time' ? `${day}T${range === 'end' ? '23:59:59' : '00:00:00'}.000Z` : day;
  }
  // The largest page, so the test's few records are on the first.
  if (name === 'pageSize' && s?.maximum) return Math.min(s.maximum, 100);
  if (!required) return undefined;
  const options = enumOf(s);
  if (options?.length) return options[0];
  switch (schemaType(s)) {
    case 'integer':
    case 'number': return s?.minimum ?? 1;
    case 'boolean': return true;
    case 'array': return [];
    case 'object': return {};
    default: return ctx.search[ctx.search.length - 1];
  }
}

interface Field {
  name: string;
  schema?: JsonSchema;
  required: boolean;
}

/** The field sets to send: the plain listing, the patient's, and one per search term. */
function variants(fields: Field[], ids: Map<string, string[]>, ctx: PlanContext): Record<string, unknown>[] {
  const base: Record<string, unknown> = {};
  const search = fields.filter((f) => SEARCH_FIELD.test(f.name));
  for (const f of fields) {
    if (SEARCH_FIELD.test(f.name) || f.name === 'patientId') continue;
    const v = valueFor(f.name, f.schema, f.required, ids, ctx);
    if (v !== undefined) base[f.name] = v;
  }
  for (const f of search.filter((x) => x.required)) base[f.name] = ctx.search[ctx.search.length - 1];
  const patient = fields.find((f) => f.name === 'patientId');
  const out = [patient?.required ? { ...base, patientId: ctx.patientId } : base];
  if (patient && !patient.required) out.push({ ...base, patientId: ctx.patientId });
  // Searches within the patient's records where the route takes a patient, else everywhere.
  const within = out[out.length - 1]!;
  for (const f of search) for (const term of ctx.search) out.push({ ...within, [f.name]: term });
  // Any other id it takes may be handed a psychotherapy note's id.
  for (const f of fields.filter((x) => x.name !== 'patientId' && isIdName(x.name, x.schema) && schemaType(x.schema) === 'string')) {
    for (const id of ids.get(PSYCHOTHERAPY_TABLE) ?? []) out.push({ ...within, [f.name]: id });
  }
  const seen = new Set<string>();
  return out.filter((v) => !seen.has(JSON.stringify(v)) && !!seen.add(JSON.stringify(v)));
}

/** Every combination of path parameter values (capped), each id parameter by its kind. */
function pathCombos(path: string, params: OpenApiParam[], ids: Map<string, string[]>): Record<string, string>[] {
  const tables = [...ids.keys()];
  const filled = tables.filter((t) => ids.get(t)!.length);
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const psychotherapy = ids.get(PSYCHOTHERAPY_TABLE) ?? [];
  const candidates = names.map((name) => {
    const schema = params.find((p) => p.in === 'path' && p.name === name)?.schema;
    if (!isIdName(name, schema)) {
      const numeric = schemaType(schema) === 'integer' || schemaType(schema) === 'number' || /^(version|number|seq)$/i.test(name);
      return [numeric ? String(schema?.minimum ?? 1) : 'unknown-value'];
    }
    // An {id} stands for the word before it: /api/patients/{id} takes patient ids.
    const segments = path.split('/');
    const word = name === 'id' ? (segments[segments.indexOf(`{${name}}`) - 1] ?? name) : name;
    const kind = tablesFor(word, tables);
    // A word that names no table gets a few ids of every kind (a table without rows, none). The
    // psychotherapy notes' own ids always.
    const pool = kind.length ? kind.flatMap((t) => ids.get(t)!.slice(0, PER_TABLE)) : filled.flatMap((t) => ids.get(t)!.slice(0, 2));
    return [...new Set([...psychotherapy, ...pool])];
  });
  let combos: Record<string, string>[] = [{}];
  names.forEach((name, i) => {
    combos = combos.flatMap((c) => candidates[i]!.map((v) => ({ ...c, [name]: v }))).slice(0, PER_ROUTE);
  });
  return combos;
}

const toQuery = (v: Record<string, unknown>) => {
  const sp = new URLSearchParams();
  for (const [k, x] of Object.entries(v)) sp.set(k, String(x));
  const s = sp.toString();
  return s ? `?${s}` : '';
};

/** `ids`: every table with a uuid id column, with its ids (an empty list for a table without rows). */
export function planRequests(doc: OpenApiDoc, ids: Map<string, string[]>, ctx: PlanContext): PlannedRequest[] {
  const out: PlannedRequest[] = [];
  for (const [path, ops] of Object.entries(doc.paths).sort(([a], [b]) => a.localeCompare(b))) {
    for (const method of ['GET', 'POST'] as const) {
      const op = ops[method.toLowerCase()];
      if (!op || (method === 'POST' && !READING_POST.test(path))) continue;
      const params = op.parameters ?? [];
      const query: Field[] = params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: !!p.required }));
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const bodyFields: Field[] = Object.entries(bodySchema?.properties ?? {}).map(([name, schema]) => ({ name, schema, required: (bodySchema?.required ?? []).includes(name) }));
      const requests: PlannedRequest[] = [];
      for (const combo of pathCombos(path, params, ids)) {
        const url = path.replace(/\{(\w+)\}/g, (_m, n: string) => encodeURIComponent(combo[n]!));
        if (method === 'GET') {
          for (const q of variants(query, ids, ctx)) requests.push({ method, path, url: url + toQuery(q) });
        } else {
          const q = toQuery(variants(query.filter((f) => f.required), ids, ctx)[0]!);
          for (const body of variants(bodyFields, ids, ctx)) requests.push({ method, path, url: url + q, body });
        }
      }
      out.push(...requests.slice(0, PER_ROUTE));
    }
  }
  return out;
}
