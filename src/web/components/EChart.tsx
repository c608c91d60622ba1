import type { EChartsCoreOption, EChartsType } from "echarts/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

interface EChartProps {
  option: EChartsCoreOption;
  /** The chart's text alternative: what it shows and its main values (role="img"). */
  label: string;
  height: number;
  /** For tests and styling. */
  testId?: string;
}

/** Keeps the chart legible when printed: the page is narrower than the screen. */
const PRINT_EVENTS = ["beforeprint", "afterprint"] as const;

/**
 * An ECharts chart drawn as SVG. The chart itself is an image with a text alternative; each page
 * also gives its data as a table ("Mostra i dati").
 */
export function EChart({ option, label, height, testId }: EChartProps) {
  const container = useRef<HTMLDivElement | null>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    const resize = () => chart.current?.resize();
    void import("./echarts-setup.ts").then(({ init }) => {
      const element = container.current;
      if (disposed || !element) return;
      chart.current = init(element, null, { renderer: "svg" });
      chart.current.setOption(latest.current);
      observer = new ResizeObserver(resize);
      observer.observe(element);
    });
    for (const e of PRINT_EVENTS) window.addEventListener(e, resize);
    return () => {
      disposed = true;
      observer?.disconnect();
      for (const e of PRINT_EVENTS) window.removeEventListener(e, resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  // Options are rebuilt on every render: redraw only when their data (or the language) changed.
  const { i18n } = useTranslation();
  const signature = `${i18n.language}|${JSON.stringify(option)}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the signature stands for the option
  useEffect(() => {
    chart.current?.setOption(latest.current, { notMerge: true });
  }, [signature]);

  return (
    <div
      ref={container}
      className="echart"
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ height, width: "100%" }}
    />
  );
}
