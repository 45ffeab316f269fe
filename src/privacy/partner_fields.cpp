// The whitelist of the partner report (rules-indonesia.md §8: partners see products, sales and aggregate
// participation, never an inmate's sentence or conduct). The report is built in src/programmes/reports.cpp and
// written in report_render.cpp; tests/unit/privacy checks every key and CSV field it writes against this list.
#include <binaan/privacy/whitelist.hpp>

namespace binaan {

namespace {

constexpr std::string_view kOwn = "the partner's own record with the prison";
constexpr std::string_view kCount =
    "a count over the partner's workshops in the period; the partner trains these people itself, so the count tells "
    "it nothing about any one of them";

}  // namespace

const std::vector<ExportField>& partner_report_fields() {
  static const std::vector<ExportField> kFields = {
      // json path                 CSV section/field           source                              why
      {"partner_id", "", "Partner.id (the partner and id columns of the CSV)", kOwn},
      {"partner_name", "partner/name", "Partner.name", kOwn},
      {"from", "partner/from", "the report's period (first day)", "the period the figures cover"},
      {"to", "partner/to", "the report's period (last day, included)", "the period the figures cover"},
      {"agreements", "", "agreements with the partner valid on some day of the period", kOwn},
      {"agreements[].id", "", "Agreement.id (the id column of the CSV)", kOwn},
      {"agreements[].reference", "agreement/reference", "Agreement.reference (the PKS/MoU number)", kOwn},
      {"agreements[].from", "agreement/from", "Agreement.from", kOwn},
      {"agreements[].to", "agreement/to", "Agreement.to", kOwn},
      {"agreements[].scopes", "agreement/scopes", "Agreement.scopes", kOwn},
      {"products", "", "products placed with, sold by or sold to the partner in the period", kOwn},
      {"products[].id", "", "Product.id (the id column of the CSV)", "the catalogue of the gallery: no person"},
      {"products[].name", "product/name", "Product.name", "the catalogue of the gallery: no person"},
      {"products[].placed", "product/placed", "consignments to the partner (units)", kOwn},
      {"products[].returned", "product/returned", "consignments returned by the partner (units)", kOwn},
      {"products[].sold", "product/sold", "sales through the partner's channel (units)", kOwn},
      {"products[].bought", "product/bought", "sales to the partner as buyer (units)", kOwn},
      {"products[].revenue", "product/revenue", "the amount of those sales (rupiah)",
       "money between the prison and the partner, not any inmate's premi or savings"},
      {"units_placed", "partner/units_placed", "sum of products[].placed", kOwn},
      {"units_returned", "partner/units_returned", "sum of products[].returned", kOwn},
      {"units_sold", "partner/units_sold", "sum of products[].sold", kOwn},
      {"units_bought", "partner/units_bought", "sum of products[].bought", kOwn},
      {"revenue", "partner/revenue", "sum of products[].revenue",
       "money between the prison and the partner, not any inmate's premi or savings"},
      {"workshops", "partner/workshops", "the partner's workshops with sessions in the period", kOwn},
      {"trainees", "partner/trainees", "distinct inmates enrolled in those workshops in the period", kCount},
      {"sessions", "partner/sessions", "sessions of those workshops in the period", kOwn},
      {"training_hours", "partner/training_hours", "hours attended in those sessions, summed over trainees",
       kCount},
      {"certificates", "partner/certificates", "certificates the partner issued in the period", kCount},
  };
  return kFields;
}

}  // namespace binaan
