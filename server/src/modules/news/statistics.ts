import type { PublicStatistics } from "@toandan/contracts";
import { SMALL_CELL_THRESHOLD } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { shownCount } from "../tips/tips.counts";

/** Public figures by province: tips and feedback received, feedback answered; 1–4 shown as "<5". */
export async function publicStatistics(db: Db): Promise<PublicStatistics> {
  const rows = await queryRows<{
    provinceId: string;
    name: string;
    tips: number;
    feedback: number;
    answered: number;
  }>(
    db,
    sql`select p.id as "provinceId", p.full_name as name,
          (select count(*)::int from tips t where t.province_id = p.id) as tips,
          (select count(*)::int from feedback_items f where f.province_id = p.id) as feedback,
          (select count(*)::int from feedback_items f where f.province_id = p.id and f.status = 'answered') as answered
        from org_units p where p.kind = 'province' and p.valid_to is null order by p.sort_name`,
  );
  const sum = (k: "tips" | "feedback" | "answered") => rows.reduce((a, r) => a + r[k], 0);
  return {
    threshold: SMALL_CELL_THRESHOLD,
    provinces: rows.map((r) => ({
      provinceId: r.provinceId,
      name: r.name,
      tips: shownCount(r.tips, false),
      feedback: shownCount(r.feedback, false),
      feedbackAnswered: shownCount(r.answered, false),
    })),
    totals: {
      tips: shownCount(sum("tips"), false),
      feedback: shownCount(sum("feedback"), false),
      feedbackAnswered: shownCount(sum("answered"), false),
    },
  };
}
