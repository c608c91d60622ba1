import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/SelectField.tsx";
import { useComuni } from "./data.ts";

interface Props {
  ambito: string;
  value: string;
  onChange: (istat: string) => void;
  error?: string;
  id?: string;
}

/** The applicant's Comune of residence, among the Ambito's Comuni. */
export function ComuneSelect({ ambito, value, onChange, error, id = "applicant-comune" }: Props) {
  const { t } = useTranslation();
  const comuni = useComuni(ambito);
  return (
    <SelectField id={id} label={t("portal.apply.comune")} value={value} onChange={onChange} error={error} required>
      <option value="">{t("portal.apply.comuneChoose")}</option>
      {(comuni.data ?? []).map((c) => (
        <option key={c.istat} value={c.istat}>
          {c.name}
        </option>
      ))}
    </SelectField>
  );
}
