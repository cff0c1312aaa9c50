/**
 * What a database error means, whichever way it reached us: a Prisma model query (P2002,
 * P2034), a raw query (P2010 carrying the driver adapter's error), the interactive
 * transaction manager (P2028), or the driver adapter's own error (a failed COMMIT).
 */
import { Prisma } from "../generated/prisma/client";

interface AdapterCause {
  kind?: string;
  originalCode?: string;
  code?: string;
}

/** The driver adapter's description of the error, if it carries one. */
function adapterCause(error: unknown): AdapterCause | undefined {
  if (!error || typeof error !== "object") return undefined;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } }).meta;
  if (meta?.driverAdapterError?.cause) return meta.driverAdapterError.cause;
  if ((error as { name?: string }).name === "DriverAdapterError") return (error as { cause?: AdapterCause }).cause;
  return undefined;
}

function prismaCode(error: unknown): string | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

/** A unique constraint refused the write (P2002, or 23505 through a raw query). */
export function isUniqueViolation(error: unknown): boolean {
  if (prismaCode(error) === "P2002") return true;
  const cause = adapterCause(error);
  return cause?.kind === "UniqueConstraintViolation" || cause?.originalCode === "23505";
}

/**
 * Worth running again as it was: a serialisation failure (40001) or a deadlock (40P01), which
 * PostgreSQL rolled back, or an interactive transaction that could not start or expired
 * (P2028), which Prisma rolled back. Nothing of the attempt was committed.
 */
export function isTransientWriteError(error: unknown): boolean {
  const code = prismaCode(error);
  if (code === "P2034" || code === "P2028") return true;
  const cause = adapterCause(error);
  return cause?.kind === "TransactionWriteConflict" || cause?.originalCode === "40001" || cause?.originalCode === "40P01";
}
