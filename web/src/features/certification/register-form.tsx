import { Button, Checkbox, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { RegisterCertificationBodySchema, todayInVietnam } from "@toandan/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format";
import { DateField } from "../../components/date-field";
import { isoFromVn, numberFrom } from "../../lib/form-values";
import { UnitField } from "../../components/unit-field";
import { useCertWrite, WriteError } from "./form-kit";

export const CERTIFIED_KINDS = ["residential_area", "commune", "agency", "enterprise", "school"] as const;

/** Q1 registration of a unit for the year. */
export function RegisterForm({ year, initialUnitId }: { year: number; initialUnitId: string | null }) {
  const { t } = useTranslation("certification");
  const [unitId, setUnitId] = useState<string | null>(initialUnitId);
  const [registeredOn, setRegisteredOn] = useState(formatDate(todayInVietnam()));
  const [party, setParty] = useState(true);
  const [plan, setPlan] = useState(false);
  const [households, setHouseholds] = useState("");
  const [done, setDone] = useState(false);
  const { submit, issues, mutation } = useCertWrite(
    "/certification/cycles",
    RegisterCertificationBodySchema,
    () => setDone(true),
  );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        submit({
          orgUnitId: unitId ?? "",
          year,
          registeredOn: isoFromVn(registeredOn),
          partyResolution: party,
          planAdopted: plan,
          householdsRegistered: numberFrom(households),
        });
      }}
    >
      <Stack gap="sm">
        <WriteError error={mutation.error} issues={issues} />
        <UnitField
          label={t("registerUnit")}
          value={unitId}
          onChange={setUnitId}
          required
          kinds={CERTIFIED_KINDS}
          error={issues.orgUnitId}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label={t("registeredOn")}
            required
            value={registeredOn}
            onChange={(e) => setRegisteredOn(e.currentTarget.value)}
            error={issues.registeredOn}
          />
          <TextInput
            label={t("householdsRegistered")}
            description={t("householdsHint")}
            inputMode="numeric"
            value={households}
            onChange={(e) => setHouseholds(e.currentTarget.value)}
            error={issues.householdsRegistered}
          />
        </SimpleGrid>
        <Checkbox
          label={t("partyResolution")}
          checked={party}
          onChange={(e) => setParty(e.currentTarget.checked)}
        />
        <Checkbox
          label={t("planAdopted")}
          checked={plan}
          onChange={(e) => setPlan(e.currentTarget.checked)}
        />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t("register")}
          </Button>
        </div>
        {done && (
          <div role="status" aria-live="polite">
            {t("saved")}
          </div>
        )}
      </Stack>
    </form>
  );
}
