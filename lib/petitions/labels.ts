import type { PetitionChannel, PetitionerKind, PetitionStatus, ResolutionKind, Satisfaction } from "../generated/prisma/enums";

export const PETITION_CHANNELS = [
  "RECEPTION",
  "LETTER",
  "CONFERENCE",
  "TEAM_MEETING",
  "VOTER_MEETING",
  "HOTLINE",
  "ONLINE",
  "OTHER",
] as const satisfies readonly PetitionChannel[];

export const CHANNEL_LABELS: Record<PetitionChannel, string> = {
  RECEPTION: "Tiếp dân",
  LETTER: "Đơn thư",
  CONFERENCE: "Hội nghị, giao ban",
  TEAM_MEETING: "Sinh hoạt tổ dân vận",
  VOTER_MEETING: "Tiếp xúc cử tri",
  HOTLINE: "Đường dây nóng",
  ONLINE: "Trực tuyến",
  OTHER: "Khác",
};

export const PETITIONER_KINDS = ["PERSON", "GROUP", "ANONYMOUS"] as const satisfies readonly PetitionerKind[];

export const PETITIONER_KIND_LABELS: Record<PetitionerKind, string> = {
  PERSON: "Cá nhân",
  GROUP: "Nhóm, tập thể",
  ANONYMOUS: "Ẩn danh",
};

export const STATUS_LABELS: Record<PetitionStatus, string> = {
  RECEIVED: "Mới tiếp nhận",
  ASSIGNED: "Đã giao",
  IN_PROGRESS: "Đang giải quyết",
  RESOLVED: "Đã giải quyết",
  CLOSED: "Đã trả lời, kết thúc",
  REJECTED: "Không thụ lý",
  MERGED: "Trùng, đã gộp",
  ESCALATED: "Chuyển cấp trên",
};

export const RESOLUTION_KINDS = ["SETTLED", "EXPLAINED"] as const satisfies readonly ResolutionKind[];

export const RESOLUTION_LABELS: Record<ResolutionKind, string> = {
  SETTLED: "Giải quyết dứt điểm",
  EXPLAINED: "Giải trình, trả lời",
};

export const SATISFACTIONS = ["SATISFIED", "PARTLY", "NOT_SATISFIED"] as const satisfies readonly Satisfaction[];

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  SATISFIED: "Hài lòng",
  PARTLY: "Hài lòng một phần",
  NOT_SATISFIED: "Không hài lòng",
};
