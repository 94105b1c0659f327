// The vocabulary of activities: kinds, topics, channels and their Vietnamese labels.
import { z } from "zod";
import type { BodyKind } from "../permissions";

export const ACTIVITY_KINDS = [
  "propaganda_session",
  "meeting",
  "training",
  "broadcast",
  "festival_day",
  "inspection",
  "leaflet_distribution",
  "panel_installation",
  "school_session",
] as const;
export const ActivityKindSchema = z.enum(ACTIVITY_KINDS, { error: "Loại hoạt động không hợp lệ" });
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_TOPICS = [
  "drugs",
  "human_trafficking",
  "loan_sharks",
  "scams",
  "cyber_crime",
  "traffic",
  "fire",
  "social_evils",
  "law",
  "hiv_aids",
  "prostitution",
  "online_games",
  "online_fraud",
  "hostile_propaganda",
] as const;
export const ActivityTopicSchema = z.enum(ACTIVITY_TOPICS, { error: "Chủ đề không hợp lệ" });
export type ActivityTopic = (typeof ACTIVITY_TOPICS)[number];

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  propaganda_session: "Buổi tuyên truyền",
  meeting: "Họp",
  training: "Tập huấn",
  broadcast: "Phát thanh",
  festival_day: "Ngày hội Toàn dân bảo vệ an ninh Tổ quốc (19/8)",
  inspection: "Kiểm tra",
  leaflet_distribution: "Phát tờ rơi",
  panel_installation: "Lắp đặt pa nô, khẩu hiệu",
  school_session: "Tuyên truyền trong trường học",
};

export const ACTIVITY_TOPIC_LABELS: Record<ActivityTopic, string> = {
  drugs: "Ma túy",
  human_trafficking: "Mua bán người",
  loan_sharks: "Tín dụng đen",
  scams: "Lừa đảo",
  cyber_crime: "Tội phạm mạng",
  traffic: "An toàn giao thông",
  fire: "Phòng cháy, chữa cháy",
  social_evils: "Tệ nạn xã hội",
  law: "Pháp luật",
  hiv_aids: "Phòng, chống HIV/AIDS",
  prostitution: "Phòng, chống mại dâm",
  online_games: "Tác hại của trò chơi trực tuyến, không gian mạng",
  online_fraud: "Lừa đảo trực tuyến",
  hostile_propaganda: "Thông tin sai trái, thù địch trên Internet",
};

/**
 * How an activity reached people: in person, the commune's loudspeakers, a Zalo or other online
 * group of residents (also a channel for tips), social networks, or the media (a newspaper, radio or
 * television report, often under a media partnership).
 */
export const ACTIVITY_CHANNELS = [
  "in_person",
  "loudspeaker",
  "zalo_group",
  "social_media",
  "newspaper",
  "radio",
  "television",
  "website",
] as const;
export const ActivityChannelSchema = z.enum(ACTIVITY_CHANNELS, { error: "Kênh không hợp lệ" });
export type ActivityChannel = (typeof ACTIVITY_CHANNELS)[number];

export const ACTIVITY_CHANNEL_LABELS: Record<ActivityChannel, string> = {
  in_person: "Trực tiếp",
  loudspeaker: "Loa truyền thanh cơ sở",
  zalo_group: "Nhóm Zalo, nhóm trực tuyến",
  social_media: "Mạng xã hội",
  newspaper: "Báo in, báo điện tử",
  radio: "Đài phát thanh",
  television: "Truyền hình",
  website: "Trang thông tin điện tử",
};

/** Short names of organising bodies, used as group labels in totals. */
export const BODY_KIND_SHORT_LABELS: Record<BodyKind, string> = {
  front: "Mặt trận",
  police: "Công an",
  farmers: "Hội Nông dân",
  women: "Hội LHPN",
  veterans: "Hội CCB",
  youth: "Đoàn Thanh niên",
  labour: "Liên đoàn Lao động",
  elderly: "Hội NCT",
  steering: "Ban Chỉ đạo",
  grassroots_team: "Tổ bảo vệ ANTT",
};

/** Member organisations: their cadres record only activities their own organisation co-organises. */
export const MEMBER_ORG_BODY_KINDS = ["farmers", "women", "veterans", "youth", "labour", "elderly"] as const;
