-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "unaccent";

-- CreateEnum
CREATE TYPE "UnitLevel" AS ENUM ('NATION', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE');

-- CreateEnum
CREATE TYPE "SuccessionKind" AS ENUM ('FULL', 'PARTIAL');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('BLOC', 'TEAM');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE', 'OTHER');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('HEAD', 'DEPUTY', 'MEMBER');

-- CreateEnum
CREATE TYPE "Affiliation" AS ENUM ('PARTY_STANDING_DEPUTY', 'PARTY_CELL_SECRETARY', 'VILLAGE_HEAD', 'FATHERLAND_FRONT', 'FARMERS_UNION', 'WOMENS_UNION', 'YOUTH_UNION', 'VETERANS_ASSOCIATION', 'POLICE', 'MILITARY', 'OTHER');

-- CreateEnum
CREATE TYPE "PetitionChannel" AS ENUM ('RECEPTION', 'LETTER', 'CONFERENCE', 'TEAM_MEETING', 'VOTER_MEETING', 'HOTLINE', 'ONLINE', 'OTHER');

-- CreateEnum
CREATE TYPE "PetitionerKind" AS ENUM ('PERSON', 'GROUP', 'ANONYMOUS');

-- CreateEnum
CREATE TYPE "PetitionStatus" AS ENUM ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED', 'MERGED', 'ESCALATED');

-- CreateEnum
CREATE TYPE "ResolutionKind" AS ENUM ('SETTLED', 'EXPLAINED');

-- CreateEnum
CREATE TYPE "Satisfaction" AS ENUM ('SATISFIED', 'PARTLY', 'NOT_SATISFIED');

-- CreateEnum
CREATE TYPE "PetitionEventKind" AS ENUM ('CREATED', 'ASSIGNED', 'STATUS_CHANGED', 'EDITED', 'REPLIED', 'REOPENED', 'MERGED', 'ESCALATED', 'REJECTED', 'COMMENTED', 'ATTACHMENT_ADDED');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('TEAM_MONTHLY', 'BLOC', 'QUARTERLY_BRIEFING', 'OTHER');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'ABSENT', 'EXCUSED');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKING_DAY');

-- CreateEnum
CREATE TYPE "CalendarDaySource" AS ENUM ('COMPUTED', 'MANUAL');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'PROVINCE_LEADER', 'DISTRICT_STAFF', 'COMMUNE_SECRETARY', 'VIEWER');

-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL,
    "code" TEXT,
    "level" "UnitLevel" NOT NULL,
    "typeLabel" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "parentId" INTEGER,
    "ancestorIds" INTEGER[],
    "depth" INTEGER NOT NULL,
    "validFrom" DATE,
    "validTo" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitSuccession" (
    "id" SERIAL NOT NULL,
    "predecessorId" INTEGER NOT NULL,
    "successorId" INTEGER NOT NULL,
    "kind" "SuccessionKind" NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitSuccession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitBoundary" (
    "unitId" INTEGER NOT NULL,
    "coordinates" JSONB NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitBoundary_pkey" PRIMARY KEY ("unitId")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" SERIAL NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "unitId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "establishedOn" DATE,
    "dissolvedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cadre" (
    "id" SERIAL NOT NULL,
    "fullName" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "gender" "Gender",
    "birthYear" INTEGER,
    "phone" TEXT,
    "isPartyMember" BOOLEAN NOT NULL DEFAULT false,
    "position" TEXT,
    "unitId" INTEGER NOT NULL,
    "endedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Cadre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" SERIAL NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "cadreId" INTEGER NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "representing" "Affiliation" NOT NULL,
    "termStart" DATE NOT NULL,
    "termEnd" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRecord" (
    "id" SERIAL NOT NULL,
    "cadreId" INTEGER NOT NULL,
    "course" TEXT NOT NULL,
    "organiser" TEXT NOT NULL,
    "startOn" DATE NOT NULL,
    "endOn" DATE,
    "result" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PetitionField" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "defaultDeadlineDays" INTEGER NOT NULL DEFAULT 15,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PetitionField_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Petition" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "receivedOn" DATE NOT NULL,
    "channel" "PetitionChannel" NOT NULL,
    "petitionerKind" "PetitionerKind" NOT NULL,
    "petitionerName" TEXT,
    "petitionerPhone" TEXT,
    "petitionerAddress" TEXT,
    "fieldId" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "status" "PetitionStatus" NOT NULL DEFAULT 'RECEIVED',
    "agencyId" INTEGER,
    "assignedAt" TIMESTAMP(3),
    "dueOn" DATE,
    "resolvedAt" TIMESTAMP(3),
    "resolution" "ResolutionKind",
    "replyText" TEXT,
    "satisfaction" "Satisfaction",
    "closedAt" TIMESTAMP(3),
    "rejectionReason" TEXT,
    "escalatedTo" TEXT,
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "mergedIntoId" INTEGER,
    "meetingId" INTEGER,
    "idempotencyKey" TEXT,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Petition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PetitionCodeCounter" (
    "unitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PetitionCodeCounter_pkey" PRIMARY KEY ("unitId","year")
);

-- CreateTable
CREATE TABLE "PetitionEvent" (
    "id" SERIAL NOT NULL,
    "petitionId" INTEGER NOT NULL,
    "kind" "PetitionEventKind" NOT NULL,
    "fromStatus" "PetitionStatus",
    "toStatus" "PetitionStatus",
    "actorId" INTEGER NOT NULL,
    "note" TEXT,
    "data" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PetitionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" SERIAL NOT NULL,
    "petitionId" INTEGER,
    "meetingId" INTEGER,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" SERIAL NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "organisationId" INTEGER,
    "unitId" INTEGER NOT NULL,
    "heldOn" DATE NOT NULL,
    "place" TEXT,
    "chair" TEXT,
    "agenda" TEXT,
    "minutes" TEXT,
    "guests" TEXT,
    "idempotencyKey" TEXT,
    "createdById" INTEGER NOT NULL,
    "unlockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "cadreId" INTEGER NOT NULL,
    "status" "AttendanceStatus" NOT NULL,

    CONSTRAINT "MeetingAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAgendaItem" (
    "meetingId" INTEGER NOT NULL,
    "petitionId" INTEGER NOT NULL,
    "note" TEXT,

    CONSTRAINT "MeetingAgendaItem_pkey" PRIMARY KEY ("meetingId","petitionId")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "source" "CalendarDaySource" NOT NULL DEFAULT 'COMPUTED',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "unitId" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "cadreId" INTEGER,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "username" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("username")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entity" TEXT,
    "entityId" TEXT,
    "unitId" INTEGER,
    "data" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Unit_ancestorIds_idx" ON "Unit" USING GIN ("ancestorIds");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE INDEX "Unit_level_code_idx" ON "Unit"("level", "code");

-- CreateIndex
CREATE INDEX "Unit_searchName_idx" ON "Unit" USING GIN ("searchName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "UnitSuccession_successorId_idx" ON "UnitSuccession"("successorId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitSuccession_predecessorId_successorId_key" ON "UnitSuccession"("predecessorId", "successorId");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_unitId_kind_key" ON "Organisation"("unitId", "kind");

-- CreateIndex
CREATE INDEX "Cadre_unitId_idx" ON "Cadre"("unitId");

-- CreateIndex
CREATE INDEX "Cadre_searchName_idx" ON "Cadre" USING GIN ("searchName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Membership_organisationId_termEnd_idx" ON "Membership"("organisationId", "termEnd");

-- CreateIndex
CREATE INDEX "Membership_cadreId_idx" ON "Membership"("cadreId");

-- CreateIndex
CREATE INDEX "TrainingRecord_cadreId_idx" ON "TrainingRecord"("cadreId");

-- CreateIndex
CREATE INDEX "TrainingRecord_startOn_idx" ON "TrainingRecord"("startOn");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_unitId_name_key" ON "Agency"("unitId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PetitionField_code_key" ON "PetitionField"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Petition_code_key" ON "Petition"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Petition_idempotencyKey_key" ON "Petition"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Petition_unitId_receivedOn_idx" ON "Petition"("unitId", "receivedOn");

-- CreateIndex
CREATE INDEX "Petition_status_dueOn_idx" ON "Petition"("status", "dueOn");

-- CreateIndex
CREATE INDEX "Petition_receivedOn_id_idx" ON "Petition"("receivedOn", "id");

-- CreateIndex
CREATE INDEX "Petition_meetingId_idx" ON "Petition"("meetingId");

-- CreateIndex
CREATE INDEX "Petition_searchText_idx" ON "Petition" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "PetitionEvent_petitionId_at_idx" ON "PetitionEvent"("petitionId", "at");

-- CreateIndex
CREATE INDEX "Attachment_petitionId_idx" ON "Attachment"("petitionId");

-- CreateIndex
CREATE INDEX "Attachment_meetingId_idx" ON "Attachment"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_idempotencyKey_key" ON "Meeting"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Meeting_unitId_heldOn_idx" ON "Meeting"("unitId", "heldOn");

-- CreateIndex
CREATE INDEX "Meeting_organisationId_heldOn_idx" ON "Meeting"("organisationId", "heldOn");

-- CreateIndex
CREATE INDEX "Meeting_kind_heldOn_idx" ON "Meeting"("kind", "heldOn");

-- CreateIndex
CREATE INDEX "MeetingAttendance_cadreId_idx" ON "MeetingAttendance"("cadreId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingAttendance_meetingId_cadreId_key" ON "MeetingAttendance"("meetingId", "cadreId");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_cadreId_key" ON "User"("cadreId");

-- CreateIndex
CREATE INDEX "User_unitId_idx" ON "User"("unitId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitSuccession" ADD CONSTRAINT "UnitSuccession_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitSuccession" ADD CONSTRAINT "UnitSuccession_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitBoundary" ADD CONSTRAINT "UnitBoundary_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cadre" ADD CONSTRAINT "Cadre_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_cadreId_fkey" FOREIGN KEY ("cadreId") REFERENCES "Cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_cadreId_fkey" FOREIGN KEY ("cadreId") REFERENCES "Cadre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "PetitionField"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Petition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PetitionCodeCounter" ADD CONSTRAINT "PetitionCodeCounter_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PetitionEvent" ADD CONSTRAINT "PetitionEvent_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PetitionEvent" ADD CONSTRAINT "PetitionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_cadreId_fkey" FOREIGN KEY ("cadreId") REFERENCES "Cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAgendaItem" ADD CONSTRAINT "MeetingAgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAgendaItem" ADD CONSTRAINT "MeetingAgendaItem_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_cadreId_fkey" FOREIGN KEY ("cadreId") REFERENCES "Cadre"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
