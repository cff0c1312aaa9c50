-- AlterEnum
ALTER TYPE "CalendarDaySource" ADD VALUE 'OFFICIAL';
