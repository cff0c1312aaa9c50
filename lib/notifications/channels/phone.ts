/**
 * The phone channels (decision 062): Zalo Notification Service and SMS, as adapters that build each provider's
 * own request and read its own answer. Off until configured (lib/env.ts). A notification's text carries no
 * personal data (lib/notifications/texts.ts), and the recipient's number goes to the provider only.
 */
import type { SmsEnv, ZaloEnv } from "../../env";

export interface PhoneMessage {
  id: number;
  title: string;
  body: string;
  link: string;
}

export interface ProviderRequest {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
}

/** A Vietnamese mobile number as the providers take it, 84 and nine digits ("0912 345 678" → "84912345678"); null if it is not one. */
export function vietnamMobile(raw: string): string | null {
  const digits = raw.replace(/[\s.\-()]/g, "").replace(/^\+/, "");
  const national = digits.startsWith("84") ? digits.slice(2) : digits.startsWith("0") ? digits.slice(1) : null;
  return national !== null && /^[35789]\d{8}$/.test(national) ? `84${national}` : null;
}

/**
 * ZNS: a POST of the approved template's parameters, the OA's token in the `access_token` header. The template
 * the operator registers has three parameters: `title`, `content` and `link` (the record's address).
 */
export function znsRequest(message: PhoneMessage, phone: string, env: ZaloEnv, baseUrl: string): ProviderRequest {
  return {
    url: env.url,
    method: "POST",
    headers: { "content-type": "application/json", access_token: env.accessToken },
    body: JSON.stringify({
      phone,
      template_id: env.templateId,
      template_data: { title: message.title.slice(0, 100), content: message.body.slice(0, 400), link: new URL(message.link, baseUrl).toString() },
      tracking_id: `dv-${message.id}`,
    }),
  };
}

/** SMS: a customer-care message under the registered brandname, in Vietnamese with its marks (Unicode); the request id stops a double send. */
export function smsRequest(message: PhoneMessage, phone: string, env: SmsEnv, baseUrl: string): ProviderRequest {
  return {
    url: env.url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      ApiKey: env.apiKey,
      SecretKey: env.secretKey,
      Phone: phone,
      Content: `${message.title}. ${new URL(message.link, baseUrl).toString()}`,
      Brandname: env.brandname,
      SmsType: "2",
      IsUnicode: "1",
      RequestId: `dv-${message.id}`,
    }),
  };
}

export class ProviderError extends Error {}

async function send(request: ProviderRequest): Promise<unknown> {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(15_000) });
  const text = await response.text();
  if (!response.ok) throw new ProviderError(`HTTP ${response.status}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new ProviderError("not JSON");
  }
}

/** Sends through ZNS; throws unless Zalo answers `error: 0` (the queue retries). */
export async function sendZns(message: PhoneMessage, phone: string, env: ZaloEnv, baseUrl: string): Promise<void> {
  const answer = (await send(znsRequest(message, phone, env, baseUrl))) as { error?: number; message?: string };
  if (answer?.error !== 0) throw new ProviderError(`ZNS error ${answer?.error}: ${answer?.message ?? ""}`);
}

/** Sends an SMS; throws unless the provider answers `CodeResult: "100"` (accepted). */
export async function sendSms(message: PhoneMessage, phone: string, env: SmsEnv, baseUrl: string): Promise<void> {
  const answer = (await send(smsRequest(message, phone, env, baseUrl))) as { CodeResult?: string; ErrorMessage?: string };
  if (answer?.CodeResult !== "100") throw new ProviderError(`SMS ${answer?.CodeResult}: ${answer?.ErrorMessage ?? ""}`);
}
