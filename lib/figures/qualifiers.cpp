#include "zhmine/figures/qualifiers.hpp"

namespace zhmine {

std::optional<Qualifier> qualifier_named(std::string_view name) {
  if (name == "about") return Qualifier::about;
  if (name == "over") return Qualifier::over;
  if (name == "under") return Qualifier::under;
  return std::nullopt;
}

std::string_view qualifier_name(Qualifier q) {
  switch (q) {
    case Qualifier::about: return "about";
    case Qualifier::over: return "over";
    case Qualifier::under: return "under";
    case Qualifier::exact: break;
  }
  return {};
}

Qualifier qualifier_of(Approx approx) {
  switch (approx) {
    case Approx::about: return Qualifier::about;
    case Approx::over: return Qualifier::over;
    case Approx::exact: break;
  }
  return Qualifier::exact;
}

}  // namespace zhmine
