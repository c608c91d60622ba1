import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { auditVerifyResponse } from "../../../shared/contracts/audit.ts";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Icon } from "../../components/Icon.tsx";

type Verify = z.infer<typeof auditVerifyResponse>;

/** Recomputes the Ambito's audit hash chain and says whether it is intact. */
export function AuditVerify() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const verify = useMutation({
    mutationFn: () => api.get<Verify>(`/api/ambiti/${ambito.slug}/audit/verify`),
  });
  const result = verify.data;
  return (
    <div className="mb-4">
      <button
        type="button"
        className="btn btn-outline-primary"
        disabled={verify.isPending}
        onClick={() => verify.mutate()}
      >
        <Icon name="check-circle" className="icon-primary me-1" />
        {verify.isPending ? t("audit.verifying") : t("audit.verify")}
      </button>
      <div aria-live="polite" className="mt-3">
        {verify.isError ? <ErrorAlert error={verify.error} /> : null}
        {result?.ok ? (
          <div className="alert alert-success" role="status">
            {t("audit.verifyOk", { count: result.events })}
          </div>
        ) : null}
        {result && !result.ok ? (
          <div className="alert alert-danger" role="status">
            {t("audit.verifyBad", { seq: result.firstBadSeq ?? "?", reason: result.reason ?? "" })}
          </div>
        ) : null}
      </div>
    </div>
  );
}
