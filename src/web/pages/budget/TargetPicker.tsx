import { useTranslation } from "react-i18next";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { type TargetKind, usePlanObjectives, usePlans, useServices } from "./links.data.ts";

export interface Target {
  kind: TargetKind;
  planId: string;
  id: string;
}

/** Chooses a catalogue service, or a plan and one of its objectives. */
export function TargetPicker({
  value,
  onChange,
  error,
}: {
  value: Target;
  onChange: (t: Target) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const plans = usePlans(ambito.slug);
  const objectives = usePlanObjectives(ambito.slug, value.kind === "plan_objective" ? value.planId : "");
  const services = useServices(ambito.slug);
  const options = value.kind === "service" ? services.data : objectives.data;
  return (
    <div className="row">
      <div className="col-12 col-md-4">
        <SelectField
          id="target-kind"
          label={t("budget.links.targetKind")}
          value={value.kind}
          onChange={(k) => onChange({ kind: k as TargetKind, planId: "", id: "" })}
        >
          <option value="plan_objective">{t("budget.funds.targets.plan_objective")}</option>
          <option value="service">{t("budget.funds.targets.service")}</option>
        </SelectField>
      </div>
      {value.kind === "plan_objective" ? (
        <div className="col-12 col-md-4">
          <SelectField
            id="target-plan"
            label={t("budget.links.plan")}
            value={value.planId}
            onChange={(p) => onChange({ ...value, planId: p, id: "" })}
          >
            <option value="">{t("budget.links.choose")}</option>
            {plans.data?.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.title} ({p.period_start}-{p.period_end})
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      <div className="col-12 col-md-4">
        <SelectField
          id="target-id"
          label={value.kind === "service" ? t("budget.links.service") : t("budget.links.objective")}
          value={value.id}
          onChange={(id) => onChange({ ...value, id })}
          error={error}
        >
          <option value="">{t("budget.links.choose")}</option>
          {options?.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </SelectField>
      </div>
    </div>
  );
}
