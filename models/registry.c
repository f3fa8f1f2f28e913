/* registry.c — the models, in the order the engine calls them.
 *
 * Order matters: traffic (per trajectory) makes the demand; per option,
 * security and outages schedule interruptions, outages merges them into
 * per-hour shares, plans sets each month's plan (tier), capacity sweeps the hours, assets and costs
 * fill the ledger's costs from the monthly results, benefits its value lines. Each model declares
 * what it needs and provides (sim_product); sim_models_check asserts this order against those
 * declarations whenever a workspace is made.
 */
#include "engine/engine.h"

extern const model_type model_traffic, model_security, model_outages, model_plans, model_capacity,
    model_assets, model_costs, model_benefits;

const model_type *const models_registry[] = {&model_traffic, &model_security, &model_outages,
                                             &model_plans,   &model_capacity, &model_assets,
                                             &model_costs,   &model_benefits, NULL};
