#include "zhmine/diff/record_view.hpp"

namespace zhmine {

std::string field_text(const nlohmann::ordered_json& record, const char* name) {
  if (!record.is_object()) return {};
  const auto it = record.find(name);
  if (it == record.end() || it->is_null()) return {};
  return it->is_string() ? it->get<std::string>() : it->dump();
}

std::string path_text(const nlohmann::ordered_json& path) {
  if (!path.is_array() || path.empty()) return "(preamble)";
  std::string out;
  for (const auto& p : path) {
    if (!out.empty()) out += " › ";
    out += p.is_string() ? p.get<std::string>() : p.dump();
  }
  return out;
}

std::string label_text(const nlohmann::ordered_json& figure) {
  const std::string label = field_text(figure, "label");
  return label.empty() ? "(no label)" : label;
}

std::string figure_text(const nlohmann::ordered_json& figure) {
  const std::string raw = field_text(figure, "raw");
  return raw.empty() ? field_text(figure, "value") + field_text(figure, "unit") : raw;
}

}  // namespace zhmine
