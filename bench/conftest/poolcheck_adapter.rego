# METADATA
# title: conftest adapter for poolcheck's built-in rules
# description: >-
#   Lets conftest run poolcheck's own Rego rules (policies/rego) for the benchmark. conftest
#   evaluates package main on each file as written; poolcheck's rules read the canonical pool
#   (docs/architecture.md). This adapter does in Rego what the engine's PoolExtractor does in Java
#   (kind detection and normalisation, reduced to what a pool needs) and then evaluates the whole
#   data.poolcheck.rules tree with each pool as input, which is the same entrypoint
#   (poolcheck/rules) the engine compiles to wasm.
package main

import data.poolcheck.rules

deny contains msg if {
	some pool in pools
	results := rules with input as pool
	some id, rule in results
	some finding in rule.deny
	msg := sprintf("%s: %s at %s", [id, finding.msg, finding.pointer])
}

# ---- kind detection ------------------------------------------------------------------------

# Management-plane PUT body: the pool's fields are under properties.
pools contains management_pool(input, "management") if {
	is_object(input.properties)
	not input.resources
}

# ARM template: every pool resource, nested under its account or at the top level.
pools contains pool if {
	is_array(input.resources)
	walk(input.resources, [_, value])
	is_object(value)
	is_string(value.type)
	lower(value.type) in {"microsoft.batch/batchaccounts/pools", "pools"}
	is_object(value.properties)
	pool := object.union(management_pool(value, "arm"), {"apiVersion": object.get(value, "apiVersion", "")})
}

# Data-plane body: the pool's fields are at the top level.
pools contains pool if {
	not input.properties
	not input.resources
	is_object(input.virtualMachineConfiguration)
	vm := input.virtualMachineConfiguration
	pool := object.union(
		object.remove(input, ["virtualMachineConfiguration", "certificateReferences"]),
		{
			"kind": "data-plane",
			"scope": "pool",
			"virtualMachineConfiguration": data_plane_vm(vm),
			"certificates": object.get(input, "certificateReferences", []),
		},
	)
}

# Node-extension GET response: only the extension is known; its settings are a JSON string.
pools contains pool if {
	is_object(input.vmExtension)
	ext := input.vmExtension
	pool := {
		"kind": "node-extension",
		"scope": "extension",
		"virtualMachineConfiguration": {"extensions": [object.union(ext, {"settings": settings(ext)})]},
	}
}

# ---- normalisation -------------------------------------------------------------------------

management_pool(resource, kind) := object.union(
	object.remove(resource.properties, ["deploymentConfiguration"]),
	{
		"kind": kind,
		"scope": "pool",
		"id": object.get(resource, "name", ""),
		"virtualMachineConfiguration": object.get(resource.properties, ["deploymentConfiguration", "virtualMachineConfiguration"], {}),
		"identity": identity(object.get(resource, "identity", {})),
	},
)

# The management plane keys user-assigned identities by resource id; the canonical pool lists them.
identity(written) := {
	"type": object.get(written, "type", "None"),
	"userAssignedIdentities": [{"resourceId": id} | some id, _ in object.get(written, "userAssignedIdentities", {})],
}

data_plane_vm(vm) := object.union(
	object.remove(vm, ["nodeAgentSKUId", "imageReference"]),
	{
		"nodeAgentSkuId": object.get(vm, "nodeAgentSKUId", ""),
		"imageReference": data_plane_image(object.get(vm, "imageReference", {})),
	},
)

data_plane_image(image) := object.union(object.remove(image, ["virtualMachineImageId"]), {"id": image.virtualMachineImageId}) if {
	image.virtualMachineImageId
} else := image

settings(ext) := json.unmarshal(ext.settings) if {
	is_string(ext.settings)
	json.is_valid(ext.settings)
} else := object.get(ext, "settings", {})
