-- Roles named by the work (decision 049): a user holds duties, and every old role becomes the duties
-- that grant exactly its permissions (lib/auth/roles.ts, PRESETS).
CREATE TYPE "Duty" AS ENUM ('PETITIONS', 'PETITION_INTAKE', 'MEETINGS', 'ORGANISATION', 'READING', 'DIRECTING', 'ACCOUNTS');

ALTER TABLE "User" ADD COLUMN "duties" "Duty"[] DEFAULT ARRAY[]::"Duty"[];

UPDATE "User" SET "duties" = CASE "role"::text
  WHEN 'ADMIN' THEN ARRAY['PETITIONS', 'ORGANISATION', 'READING', 'DIRECTING', 'ACCOUNTS']::"Duty"[]
  WHEN 'PROVINCE_LEADER' THEN ARRAY['READING', 'DIRECTING']::"Duty"[]
  WHEN 'DISTRICT_STAFF' THEN ARRAY['PETITIONS', 'ORGANISATION', 'READING']::"Duty"[]
  WHEN 'COMMUNE_SECRETARY' THEN ARRAY['PETITION_INTAKE', 'MEETINGS', 'READING']::"Duty"[]
  WHEN 'VIEWER' THEN ARRAY['READING']::"Duty"[]
  ELSE ARRAY[]::"Duty"[]
END;

ALTER TABLE "User" DROP COLUMN "role";

-- The second-factor rule moves from a role to the duty only that role held (or, for district staff and
-- viewers, the one that marks them): the default rule (administrators and province leaders) becomes
-- ACCOUNTS and DIRECTING, which nobody else holds, so it applies to the same people.
ALTER TABLE "TwoFactorPolicy" ADD COLUMN "duty" "Duty";

UPDATE "TwoFactorPolicy" SET "duty" = CASE "role"::text
  WHEN 'ADMIN' THEN 'ACCOUNTS'
  WHEN 'PROVINCE_LEADER' THEN 'DIRECTING'
  WHEN 'DISTRICT_STAFF' THEN 'PETITIONS'
  WHEN 'COMMUNE_SECRETARY' THEN 'PETITION_INTAKE'
  WHEN 'VIEWER' THEN 'READING'
END::"Duty";

ALTER TABLE "TwoFactorPolicy" DROP CONSTRAINT "TwoFactorPolicy_pkey",
DROP COLUMN "role",
ALTER COLUMN "duty" SET NOT NULL,
ADD CONSTRAINT "TwoFactorPolicy_pkey" PRIMARY KEY ("duty");

DROP TYPE "Role";
