/** What pages put on `Astro.locals` for the components they render. */
declare namespace App {
  interface Locals {
    /** Set by src/pages/reports/[slug].astro: everything the report page shows (src/lib/page-data.ts). */
    reportPage?: import('./lib/page-data.ts').ReportPageData;
  }
}
