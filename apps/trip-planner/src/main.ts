console.log("trip planner lands with apps/trip-planner");
