/**
 * The pure half of the /api/v1 route helper: the chain every route runs, with its
 * dependencies passed in so it can be unit-tested (`handler.ts` wires it to the session and
 * tokens). authenticate → 401; permission → 404; query → 400; handler → 200 JSON; NOT_FOUND
 * (or null) → 404; anything unexpected → 500 with a request id, logged.
 */
import { z } from "zod";
import { isActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows, type Permission } from "../auth/roles";
import { InvalidCursorError } from "./cursor";

/** The body of every error answer (also the `Error` schema of the OpenAPI document). */
export interface ApiErrorBody {
  error: "unauthenticated" | "password_change_required" | "not_found" | "invalid_request" | "conflict" | "internal";
  message: string;
  fieldErrors?: Record<string, string[]>;
  requestId?: string;
}

const MESSAGES = {
  unauthenticated: "Chưa đăng nhập, phiên đã hết hạn hoặc mã truy cập không hợp lệ.",
  password_change_required: "Mật khẩu của tài khoản đã được đặt lại: vui lòng đăng nhập và đổi mật khẩu.",
  not_found: "Không tìm thấy.",
  invalid_request: "Tham số không hợp lệ.",
  conflict: "Không thể thực hiện với trạng thái hiện tại của bản ghi.",
  internal: "Có lỗi hệ thống.",
} as const satisfies Record<ApiErrorBody["error"], string>;

const STATUS = { unauthenticated: 401, password_change_required: 401, not_found: 404, invalid_request: 400, conflict: 409, internal: 500 } as const;

/** Every error code an answer may carry (the `Error` schema's enum in the OpenAPI document). */
export const API_ERROR_CODES = Object.keys(STATUS) as ApiErrorBody["error"][];

const NO_STORE = { "Cache-Control": "no-store" };

export function apiError(error: ApiErrorBody["error"], extra: Omit<ApiErrorBody, "error" | "message"> & { message?: string } = {}): Response {
  const body: ApiErrorBody = { error, message: extra.message ?? MESSAGES[error], ...extra };
  const headers: Record<string, string> = { ...NO_STORE };
  if (error === "unauthenticated") headers["WWW-Authenticate"] = 'Bearer realm="dan-van"';
  return Response.json(body, { status: STATUS[error], headers });
}

export interface ApiRouteDefinition<Q extends z.ZodType, P, T> {
  /** What the actor needs; null: any signed-in user or token (the OpenAPI document). */
  permission: Permission | null;
  /** The query string, parsed with this schema (first value of each name). */
  query?: Q;
  /** The answer's body, or null for "not found". */
  handle: (args: { actor: Actor; query: z.output<Q>; params: P; request: Request }) => Promise<T | null>;
}

export interface ApiDeps {
  authenticate: (request: Request) => Promise<Actor | null>;
  newRequestId: () => string;
  logError: (requestId: string, error: unknown) => void;
}

/** The messages of a failed parse, by parameter name. */
function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const flat = z.flattenError(error);
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(flat.fieldErrors as Record<string, string[] | undefined>)) if (messages?.length) out[key] = messages;
  if (flat.formErrors.length) out._query = flat.formErrors;
  return out;
}

export function buildApiRoute<Q extends z.ZodType = z.ZodType<Record<string, never>>, P = Record<string, string>, T = unknown>(
  definition: ApiRouteDefinition<Q, P, T>,
  deps: ApiDeps,
) {
  async function route(request: Request, context: { params: Promise<P> }): Promise<Response> {
    try {
      const actor = await deps.authenticate(request);
      if (!actor) return apiError("unauthenticated");
      if (actor.mustChangePassword) return apiError("password_change_required");
      // A missing permission answers exactly like a record out of scope.
      if (definition.permission && !allows(actor, definition.permission)) return apiError("not_found");

      const raw = Object.fromEntries(new URL(request.url).searchParams);
      const parsed = definition.query ? definition.query.safeParse(raw) : { success: true as const, data: {} };
      if (!parsed.success) return apiError("invalid_request", { fieldErrors: fieldErrorsOf(parsed.error) });

      const body = await definition.handle({ actor, query: parsed.data as z.output<Q>, params: await context.params, request });
      if (body === null) return apiError("not_found");
      return Response.json(body, { headers: NO_STORE });
    } catch (error) {
      if (error instanceof InvalidCursorError) return apiError("invalid_request", { fieldErrors: { cursor: [error.message] } });
      if (isActionError(error)) return apiError(error.code === "NOT_FOUND" ? "not_found" : "conflict");
      const requestId = deps.newRequestId();
      deps.logError(requestId, error);
      return apiError("internal", { requestId, message: `${MESSAGES.internal} Mã: ${requestId}` });
    }
  }
  // The schema the query is parsed with travels with the handler, so that the OpenAPI document's
  // test can compare each route file's parameters with the document (lib/api/openapi.test.ts).
  return Object.assign(route, { query: definition.query as z.ZodType | undefined });
}
