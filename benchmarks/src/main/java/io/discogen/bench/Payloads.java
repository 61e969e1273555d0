package io.discogen.bench;

import java.nio.charset.StandardCharsets;

/**
 * Synthetic but realistic large responses, as the servers send them: a Dataproc {@code
 * ListSessionsResponse} and a Compute {@code InstanceList}. Fields are ones both Discogen's models
 * (corpus revision) and Google's official models declare, so neither side falls back to unknown
 * properties. Deterministic: the same bytes every run.
 */
public final class Payloads {
  private Payloads() {}

  public static byte[] sessions(int n) {
    StringBuilder b = new StringBuilder(n * 1400);
    b.append("{\"sessions\":[");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"name\":\"projects/bench-project/locations/us-central1/sessions/session-").append(i).append('"')
          .append(",\"uuid\":\"").append(String.format("%08x-1234-4abc-9def-%012x", i, (long) i * 7919)).append('"')
          .append(",\"createTime\":\"2024-06-").append(10 + i % 19).append("T12:").append(10 + i % 50).append(":05.123456Z\"")
          .append(",\"state\":\"").append(i % 3 == 0 ? "ACTIVE" : i % 3 == 1 ? "TERMINATED" : "CREATING").append('"')
          .append(",\"stateMessage\":\"Session is in state ").append(i % 3).append('"')
          .append(",\"stateTime\":\"2024-06-20T08:00:00Z\"")
          .append(",\"creator\":\"user").append(i % 17).append("@example.com\"")
          .append(",\"user\":\"user").append(i % 17).append("@example.com\"")
          .append(",\"labels\":{\"team\":\"data-").append(i % 5).append("\",\"env\":\"prod\",\"cost-center\":\"cc-").append(i % 11).append("\"}")
          .append(",\"runtimeConfig\":{\"version\":\"2.2\",\"containerImage\":\"gcr.io/bench/spark:").append(i % 4)
          .append("\",\"properties\":{\"spark.executor.cores\":\"4\",\"spark.executor.memory\":\"16g\",\"spark.dynamicAllocation.enabled\":\"true\"}}")
          .append(",\"environmentConfig\":{\"executionConfig\":{\"serviceAccount\":\"sa-").append(i % 9)
          .append("@bench-project.iam.gserviceaccount.com\",\"subnetworkUri\":\"projects/bench-project/regions/us-central1/subnetworks/default\",")
          .append("\"networkTags\":[\"spark\",\"interactive\"],\"idleTtl\":\"3600s\",\"ttl\":\"86400s\"},")
          .append("\"peripheralsConfig\":{\"metastoreService\":\"projects/bench-project/locations/us-central1/services/hms\"}}")
          .append(",\"jupyterSession\":{\"kernel\":\"PYTHON\",\"displayName\":\"Notebook ").append(i).append("\"}")
          .append(",\"runtimeInfo\":{\"endpoints\":{\"Spark History Server\":\"https://shs-").append(i)
          .append(".dataproc.googleusercontent.com/\"},\"outputUri\":\"gs://bench-bucket/out/").append(i)
          .append("\",\"approximateUsage\":{\"milliDcuSeconds\":\"").append(123456789L + i)
          .append("\",\"shuffleStorageGbSeconds\":\"").append(98765L + i).append("\"}}")
          .append(",\"stateHistory\":[{\"state\":\"CREATING\",\"stateStartTime\":\"2024-06-20T07:59:00Z\"},")
          .append("{\"state\":\"ACTIVE\",\"stateStartTime\":\"2024-06-20T08:00:00Z\",\"stateMessage\":\"ready\"}]")
          .append('}');
    }
    b.append("],\"nextPageToken\":\"CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA3\",\"unreachable\":[\"us-east1\"]}");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] instances(int n) {
    StringBuilder b = new StringBuilder(n * 2600);
    b.append("{\"kind\":\"compute#instanceList\",\"id\":\"projects/bench-project/zones/us-central1-a/instances\",\"items\":[");
    String zone = "https://www.googleapis.com/compute/v1/projects/bench-project/zones/us-central1-a";
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"kind\":\"compute#instance\",\"id\":\"").append(1234567890123456789L - i).append('"')
          .append(",\"creationTimestamp\":\"2024-05-0").append(1 + i % 9).append("T10:11:12.345-07:00\"")
          .append(",\"name\":\"vm-").append(i).append('"')
          .append(",\"description\":\"benchmark instance ").append(i).append('"')
          .append(",\"tags\":{\"items\":[\"http-server\",\"https-server\"],\"fingerprint\":\"42WmSpB8rSM=\"}")
          .append(",\"machineType\":\"").append(zone).append("/machineTypes/e2-standard-").append(2 << (i % 3)).append('"')
          .append(",\"status\":\"").append(i % 4 == 0 ? "TERMINATED" : "RUNNING").append('"')
          .append(",\"zone\":\"").append(zone).append('"')
          .append(",\"canIpForward\":false")
          .append(",\"networkInterfaces\":[{\"kind\":\"compute#networkInterface\",\"network\":\"https://www.googleapis.com/compute/v1/projects/bench-project/global/networks/default\",")
          .append("\"subnetwork\":\"https://www.googleapis.com/compute/v1/projects/bench-project/regions/us-central1/subnetworks/default\",")
          .append("\"networkIP\":\"10.128.").append(i / 250).append('.').append(i % 250).append("\",\"name\":\"nic0\",")
          .append("\"accessConfigs\":[{\"kind\":\"compute#accessConfig\",\"type\":\"ONE_TO_ONE_NAT\",\"name\":\"External NAT\",\"natIP\":\"34.1.")
          .append(i / 250).append('.').append(i % 250).append("\",\"networkTier\":\"PREMIUM\"}],")
          .append("\"fingerprint\":\"ABCdef1234E=\",\"stackType\":\"IPV4_ONLY\"}]")
          .append(",\"disks\":[{\"kind\":\"compute#attachedDisk\",\"type\":\"PERSISTENT\",\"mode\":\"READ_WRITE\",")
          .append("\"source\":\"").append(zone).append("/disks/vm-").append(i).append("\",\"deviceName\":\"persistent-disk-0\",\"index\":0,")
          .append("\"boot\":true,\"autoDelete\":true,\"licenses\":[\"https://www.googleapis.com/compute/v1/projects/debian-cloud/global/licenses/debian-12-bookworm\"],")
          .append("\"interface\":\"SCSI\",\"guestOsFeatures\":[{\"type\":\"UEFI_COMPATIBLE\"},{\"type\":\"VIRTIO_SCSI_MULTIQUEUE\"},{\"type\":\"GVNIC\"}],")
          .append("\"diskSizeGb\":\"").append(10 + i % 90).append("\",\"architecture\":\"X86_64\"}]")
          .append(",\"metadata\":{\"kind\":\"compute#metadata\",\"fingerprint\":\"cW5WoA4OWLQ=\",\"items\":[{\"key\":\"startup-script\",\"value\":\"#!/bin/bash\\necho hello ")
          .append(i).append("\"},{\"key\":\"enable-oslogin\",\"value\":\"TRUE\"}]}")
          .append(",\"serviceAccounts\":[{\"email\":\"123456-compute@developer.gserviceaccount.com\",\"scopes\":[\"https://www.googleapis.com/auth/devstorage.read_only\",")
          .append("\"https://www.googleapis.com/auth/logging.write\",\"https://www.googleapis.com/auth/monitoring.write\"]}]")
          .append(",\"selfLink\":\"").append(zone).append("/instances/vm-").append(i).append('"')
          .append(",\"scheduling\":{\"onHostMaintenance\":\"MIGRATE\",\"automaticRestart\":true,\"preemptible\":false,\"provisioningModel\":\"STANDARD\"}")
          .append(",\"cpuPlatform\":\"Intel Broadwell\"")
          .append(",\"labels\":{\"env\":\"prod\",\"team\":\"t").append(i % 7).append("\"}")
          .append(",\"labelFingerprint\":\"42WmSpB8rSM=\",\"startRestricted\":false,\"deletionProtection\":false")
          .append(",\"shieldedInstanceConfig\":{\"enableSecureBoot\":false,\"enableVtpm\":true,\"enableIntegrityMonitoring\":true}")
          .append(",\"fingerprint\":\"Xk0Jx1a2b3c=\",\"lastStartTimestamp\":\"2024-05-10T01:02:03.456-07:00\"}");
    }
    b.append("],\"nextPageToken\":\"Cj0KGjBpNDd2Nmp2Zml2cXRwYjBpOXA3\",\"selfLink\":\"").append(zone).append("/instances\"}");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One session, the body of the small GET in {@link HttpBench}. */
  public static byte[] oneSession() {
    String list = new String(sessions(1), StandardCharsets.UTF_8);
    int start = list.indexOf('[') + 1;
    int end = list.lastIndexOf(']');
    return list.substring(start, end).getBytes(StandardCharsets.UTF_8);
  }
}
