-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'DIGEST';
