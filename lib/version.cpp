#include "zhmine/version.hpp"

namespace zhmine {

const char* version() { return ZHMINE_VERSION; }

}  // namespace zhmine
