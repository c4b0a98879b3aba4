# METADATA
# title: Node agent does not match the image's operating system
# description: >-
#   "You must specify a node agent SKU which matches the selected image reference." A Windows image
#   (publisher MicrosoftWindowsServer or MicrosoftWindowsDesktop) needs batch.node.windows amd64; a
#   Linux image (Canonical, AlmaLinux, Red Hat, Debian, CentOS, SUSE, Oracle, CBL-Mariner) needs a
#   Linux agent such as batch.node.ubuntu 24.04 or batch.node.el 9. Judged only when both the image
#   publisher and the agent are known; custom and gallery images are not judged.
# custom:
#   id: node-agent-image-mismatch
#   severity: error
#   since: 0.1.0
package poolcheck.rules.node_agent_image_mismatch

import data.poolcheck.lib.extensions
import data.poolcheck.lib.pool

vm := input.virtualMachineConfiguration

# Marketplace publishers whose images are all of one OS family.
publisher_family := {
	"microsoftwindowsserver": "windows",
	"microsoftwindowsdesktop": "windows",
	"canonical": "linux",
	"almalinux": "linux",
	"redhat": "linux",
	"debian": "linux",
	"openlogic": "linux",
	"suse": "linux",
	"oracle": "linux",
	"microsoftcblmariner": "linux",
}

image_family := publisher_family[lower(vm.imageReference.publisher)] if extensions.known(vm.imageReference.publisher)

agent_family := "windows" if {
	startswith(lower(vm.nodeAgentSkuId), "batch.node.windows")
} else := "linux" if {
	startswith(lower(vm.nodeAgentSkuId), "batch.node.")
}

example := {"windows": "batch.node.windows amd64", "linux": "the Linux agent for the distribution, such as batch.node.ubuntu 24.04 or batch.node.el 9"}

deny contains finding if {
	pool.is_pool
	extensions.known(vm.nodeAgentSkuId)
	image_family != agent_family
	finding := {
		"msg": sprintf(
			"node agent '%s' is for %s, but the image (publisher %s) is %s; the node agent must match the image: use %s",
			[vm.nodeAgentSkuId, agent_family, vm.imageReference.publisher, image_family, example[image_family]],
		),
		"pointer": "/virtualMachineConfiguration/nodeAgentSkuId",
	}
}
