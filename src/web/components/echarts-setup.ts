/**
 * ECharts, tree-shaken to what Filiera draws (bars, lines, SVG renderer). Imported lazily by
 * <EChart> so the library is a separate chunk, loaded only by pages with charts.
 */
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export { init };
