import { describe, expect, it } from "vitest";
import { MAX_REQUEST_BODY_BYTES, refuseMalformedRequest } from "./request-guard";

const request = (method: string, url: string, contentLength?: number) => ({ method, url: new URL(url, "http://localhost"), contentLength: contentLength === undefined ? null : String(contentLength) });

// Issue 12, finding 7: TRACE, a NUL byte in the address and a 60 MB body each answered 500.
describe("refuseMalformedRequest", () => {
  it("lets ordinary requests through", () => {
    for (const method of ["GET", "HEAD", "POST", "OPTIONS"]) expect(refuseMalformedRequest(request(method, "/petitions?q=đất%20đai"))).toBeNull();
    expect(refuseMalformedRequest(request("POST", "/petitions/new", MAX_REQUEST_BODY_BYTES))).toBeNull();
  });

  it("answers 405 with the allowed methods to TRACE, PUT and anything else", () => {
    for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "CONNECT", "PROPFIND"]) {
      expect(refuseMalformedRequest(request(method, "/"))).toMatchObject({ status: 405, allow: "GET, HEAD, POST, OPTIONS", message: expect.stringMatching(/không được hỗ trợ/) });
    }
  });

  it("answers 400 to a NUL byte anywhere in the address", () => {
    for (const url of ["/petitions?q=a%00b", "/units/%00", "/api/v1/units?q=%00", "/x?%00=1"]) {
      expect(refuseMalformedRequest(request("GET", url)), url).toMatchObject({ status: 400, message: expect.stringMatching(/ký tự không hợp lệ/) });
    }
  });

  it("answers 413 to a body declared larger than the limit, before reading it", () => {
    expect(refuseMalformedRequest(request("POST", "/petitions/new", 60 * 1024 * 1024))).toMatchObject({ status: 413, message: expect.stringMatching(/quá lớn/) });
    expect(refuseMalformedRequest({ ...request("POST", "/"), contentLength: "abc" })).toMatchObject({ status: 400 });
  });
});
