import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../components/error-text";

/** A police step on the tip: asked first, then said what happened (or why it failed). */
export type Step = {
  title: string;
  question: ReactNode;
  confirm: string;
  done: string;
  run: () => Promise<unknown>;
};

/** The state of the police steps on one tip: the question asked, the answer, the error. */
export function useAct(id: string) {
  const qc = useQueryClient();
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState<Step | null>(null);
  const m = useMutation({
    mutationFn: (step: Pick<Step, "run" | "done">) => step.run(),
    onSuccess: (_r, step) => {
      setError(null);
      setAsking(null);
      setDone(step.done);
      void qc.invalidateQueries({ queryKey: ["tips"] });
      void qc.invalidateQueries({ queryKey: ["tips", "one", id] });
    },
    onError: (e) => {
      setDone(null);
      setError(errorText(t, e));
    },
  });
  return {
    /** Runs at once (a message to the tipster): not a change of the tip's state. */
    run: (step: Pick<Step, "run" | "done">) => m.mutate(step),
    /** Asks first: a change of the tip's state. */
    ask: (step: Step) => {
      m.reset();
      setDone(null);
      setAsking(step);
    },
    asking,
    confirm: () => asking && m.mutate(asking),
    cancel: () => setAsking(null),
    pending: m.isPending,
    mutationError: m.error,
    error,
    done,
  };
}
