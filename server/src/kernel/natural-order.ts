// Ordering names as people read them: accents folded ("Đội" with "Doi", not after "Z") and the
// first number by value ("Tổ số 2" before "Tổ số 10"), in SQL that PGlite and PostgreSQL both run
// (no ICU collation, no extension), so that paged lists keep the order across pages.
import { foldVietnamese } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";

const MARKED = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
const FOLDED = [...MARKED].map((c) => foldVietnamese(c)).join("");

/** `ORDER BY` terms for a name column: folded text before the first number, that number, then the whole name. */
export function naturalOrder(name: SQL): SQL {
  const folded = sql`translate(lower(${name}), ${MARKED}, ${FOLDED})`;
  return sql`regexp_replace(${folded}, '[0-9].*$', ''),
    (substring(${name} from '[0-9]+'))::numeric nulls first, ${folded}, ${name}`;
}
