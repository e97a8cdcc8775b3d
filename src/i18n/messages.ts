/**
 * One accessor per area of the workbook, joining its English catalog
 * (src/i18n/en/) and its translations (src/i18n/<lang>/). See catalog.ts.
 */
export {};
