-- Citizens follow their petition (decision 058): the hashed lookup number of a receipt for a petition without a
-- phone, and the citizen's own rating on the timeline (an event without an actor). Adding nullable columns and
-- dropping a NOT NULL rewrite no rows. No rollup changes: a rating fills "satisfaction", which petition_facts reads.
-- AlterEnum
ALTER TYPE "PetitionEventKind" ADD VALUE 'RATED';

-- AlterTable
ALTER TABLE "Petition" ADD COLUMN     "lookupNumberHash" TEXT,
ADD COLUMN     "lookupNumberIssuedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PetitionEvent" ALTER COLUMN "actorId" DROP NOT NULL;
