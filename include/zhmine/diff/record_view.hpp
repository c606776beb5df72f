// What pages for people (diff --format text and html) show of a record: its
// fields as text, a heading path, a figure as written.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace zhmine {

// A field as text: a string as it is, a number as JSON writes it, "" for a
// missing or null field (or a record that is no object).
std::string field_text(const nlohmann::ordered_json& record, const char* name);

// A heading path joined by " › ", "(preamble)" for an empty one.
std::string path_text(const nlohmann::ordered_json& path);

// A figure's label, "(no label)" when it has none.
std::string label_text(const nlohmann::ordered_json& figure);

// A figure as the report wrote it (its raw text), else value and unit.
std::string figure_text(const nlohmann::ordered_json& figure);

}  // namespace zhmine
