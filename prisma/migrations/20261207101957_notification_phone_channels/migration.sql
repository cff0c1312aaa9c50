-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "smsSentAt" TIMESTAMP(3),
ADD COLUMN     "zaloSentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "NotificationSettings" ADD COLUMN     "bySms" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "byZalo" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "phone" TEXT;
