import "../../locales/register-console";
import {
  Checkbox,
  FileButton,
  Button,
  NativeSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from "@mantine/core";
import { currentYearInVietnam, todayInVietnam } from "@toandan/contracts";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useForm, type UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { formatDate, parseVnDate } from "../../lib/format";
import { CaptureLayout, NoReference, SaveButton } from "./capture-layout";
import { CaptureDateField, FigureGrid, FigureInput } from "./form-parts";
import { HouseholdEdit, HouseholdIdentityFields, type HouseholdIdentity } from "./household-edit";
import type { NewEntry } from "./outbox/outbox";
import { newClientId, refTo } from "./outbox/outbox";
import { shrinkPhoto } from "./photo";
import { useCapture, useFixEntry } from "./use-capture";

type Values = {
  householdId: string;
  headName: string;
  address: string;
  members: string;
  withCommitment: boolean;
  year: string;
  signedOn: string;
  templateId: string;
};

function blank(templateId = ""): Values {
  return {
    householdId: "",
    headName: "",
    address: "",
    members: "",
    withCommitment: true,
    year: String(currentYearInVietnam()),
    signedOn: formatDate(todayInVietnam()),
    templateId,
  };
}

type Photo = Awaited<ReturnType<typeof shrinkPhoto>>;

/**
 * A new household, or one already on the register, with its yearly commitment and the photo of the
 * signed sheet (resized on the phone). A household entered offline and its commitment go as
 * linked records: the commitment is sent once the household has its server id.
 */
export function HouseholdCapturePage() {
  const search = useSearch({ strict: false, select: (s: { fix?: string; edit?: string }) => s });
  const fixing = useFixEntry(search.fix);
  if (search.edit || fixing?.kind === "householdEdit") {
    return <HouseholdEdit key={search.edit ?? search.fix} editId={search.edit} fixing={fixing} />;
  }
  return <HouseholdNew />;
}

function HouseholdNew() {
  const { t } = useTranslation("capture");
  const navigate = useNavigate();
  const { reference, save } = useCapture();
  const ref = reference.data;
  const [mode, setMode] = useState<"new" | "existing">("new");
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [photoBusy, setPhotoBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({ defaultValues: blank(ref?.templates[0]?.id) });
  const { errors, isSubmitting } = form.formState;
  const required = t("form.required");

  const onSubmit = async (v: Values) => {
    const entries: Omit<NewEntry, "accountId">[] = [];
    let householdPath: string;
    let after: string | undefined;
    let name: string;
    if (mode === "new") {
      const id = newClientId();
      name = v.headName.trim();
      entries.push({
        id,
        kind: "household",
        method: "POST",
        path: "/households",
        body: {
          orgUnitId: ref!.unitId,
          headName: name,
          address: v.address.trim(),
          members: Number(v.members),
        },
        form: { ...v, mode },
        summary: `${name} · ${v.address.trim()}`,
      });
      householdPath = `/households/${refTo(id)}`;
      after = id;
    } else {
      const hh = ref!.households.find((h) => h.id === v.householdId)!;
      name = hh.headName;
      householdPath = `/households/${hh.id}`;
    }
    if (v.withCommitment) {
      const year = Number(v.year);
      const commitmentId = newClientId();
      const template = ref!.templates.find((x) => x.id === v.templateId) ?? ref!.templates[0];
      entries.push({
        id: commitmentId,
        kind: "commitment",
        method: "POST",
        path: `${householdPath}/commitments`,
        after,
        body: {
          year,
          signedOn: parseVnDate(v.signedOn) ?? v.signedOn,
          ...(template ? { templateId: template.id } : { formVersion: "Bản cam kết" }),
        },
        summary: `${name} · ${year}`,
      });
      if (photo) {
        entries.push({
          kind: "commitmentScan",
          method: "PUT",
          path: `${householdPath}/commitments/${year}/scan`,
          after: commitmentId,
          file: photo,
          summary: `${name} · ${year}`,
        });
      }
    }
    if (entries.length === 0) return;
    await save(entries);
    setSaved(true);
  };

  const onPhoto = async (file: File | null) => {
    if (!file) return;
    setPhotoBusy(true);
    try {
      setPhoto(await shrinkPhoto(file));
    } finally {
      setPhotoBusy(false);
    }
  };

  return (
    <CaptureLayout
      title={t("hub.household")}
      saved={saved}
      onAnother={() => {
        form.reset(blank(ref?.templates[0]?.id));
        setPhoto(null);
        setSaved(false);
      }}
    >
      {!ref ? (
        <NoReference />
      ) : (
        <form noValidate onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
          <Stack gap="md">
            <SegmentedControl
              size="md"
              fullWidth
              value={mode}
              onChange={(m) => setMode(m)}
              data={[
                { value: "new", label: t("form.newHousehold") },
                { value: "existing", label: t("form.existingHousehold") },
              ]}
            />
            {mode === "new" ? (
              <>
                <HouseholdIdentityFields
                  register={form.register as unknown as UseFormRegister<HouseholdIdentity>}
                  errors={errors}
                />
              </>
            ) : (
              <>
                <Select
                  size="md"
                  label={t("form.pickHousehold")}
                  searchable
                  required
                  data={ref.households.map((h) => ({ value: h.id, label: `${h.headName} — ${h.address}` }))}
                  error={errors.householdId?.message}
                  value={form.watch("householdId") || null}
                  onChange={(id) => form.setValue("householdId", id ?? "", { shouldValidate: true })}
                />
                {form.watch("householdId") && (
                  <Button
                    size="md"
                    variant="light"
                    onClick={() =>
                      void navigate({
                        to: "/thu-thap/ho-gia-dinh",
                        search: { edit: form.getValues("householdId") },
                      })
                    }
                  >
                    {t("form.editHousehold")}
                  </Button>
                )}
              </>
            )}
            <input
              type="hidden"
              {...form.register("householdId", { validate: (x) => mode === "new" || x !== "" || required })}
            />
            <Checkbox size="md" label={t("form.withCommitment")} {...form.register("withCommitment")} />
            {form.watch("withCommitment") && (
              <Stack gap="md">
                <FigureGrid>
                  <FigureInput
                    label={t("form.year")}
                    {...form.register("year", { validate: (x) => /^\d{4}$/.test(x) || required })}
                    error={errors.year?.message}
                  />
                  <CaptureDateField
                    label={t("form.signedOn")}
                    {...form.register("signedOn", { validate: (x) => parseVnDate(x) !== null || required })}
                    error={errors.signedOn?.message}
                  />
                </FigureGrid>
                {ref.templates.length > 0 && (
                  <NativeSelect
                    size="md"
                    label={t("form.template")}
                    data={ref.templates.map((x) => ({ value: x.id, label: x.name }))}
                    {...form.register("templateId")}
                  />
                )}
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    {t("form.photo")}
                  </Text>
                  <FileButton onChange={(f) => void onPhoto(f)} accept="image/*">
                    {(props) => (
                      <Button {...props} size="md" variant="default" loading={photoBusy}>
                        {t("form.takePhoto")}
                      </Button>
                    )}
                  </FileButton>
                  {photo && (
                    <Text size="sm">
                      {t("form.photoReady", { size: Math.round(photo.data.byteLength / 1024) })}
                    </Text>
                  )}
                </Stack>
              </Stack>
            )}
            <SaveButton label={t("form.save")} loading={isSubmitting || photoBusy} />
          </Stack>
        </form>
      )}
    </CaptureLayout>
  );
}
